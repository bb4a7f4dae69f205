/**
 * A byte count as people read a limit: whole or one-decimal megabytes ("2 MB", "1.5 MB"),
 * kilobytes below one megabyte ("512 KB"). Every message naming an upload limit is made from the
 * limit's constant through this, so the text cannot drift from what is enforced.
 */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
