/** A FollowTheMoney entity as it travels on the wire and in exports. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  /** Extra top-level fields of an FtM export (datasets, first_seen, referents…), kept as read. */
  [extra: string]: unknown;
}

export function caption(entity: FtmEntity): string {
  const p = entity.properties;
  return p['name']?.[0] ?? p['full']?.[0] ?? p['number']?.[0] ?? p['program']?.[0] ?? entity.id;
}
