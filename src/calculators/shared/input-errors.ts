/** Names the fields a caller got wrong instead of zod's generic message. */
export function unknownFields(issue: { code?: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}`;
  }
  return 'expected an object of named values';
}
