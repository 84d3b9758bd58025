import { NextResponse } from 'next/server';
import { db } from '@/lib/db';

export async function GET() {
  return NextResponse.json(await db.projects.all());
}

export async function POST(request: Request) {
  const project = await request.json();
  return NextResponse.json(await db.projects.create(project), { status: 201 });
}
