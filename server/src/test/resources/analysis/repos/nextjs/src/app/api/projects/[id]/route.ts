import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

type Params = { params: { id: string } };

export async function GET(_req: Request, { params }: Params) {
  return NextResponse.json(await db.projects.get(params.id));
}

// export async function PUT(req: Request, { params }: Params) {
//   return NextResponse.json(await db.projects.update(params.id, await req.json()));
// }

export async function DELETE(_req: Request, { params }: Params) {
  await db.projects.remove(params.id);
  return new NextResponse(null, { status: 204 });
}
