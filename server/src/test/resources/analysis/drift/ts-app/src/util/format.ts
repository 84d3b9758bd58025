// Formats cents; "import moment from 'moment'" is what this file replaced.
export const euros = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
