/**
 * A capability's statuses and the moves allowed between them: plain data, enforced by the
 * server's state machine (server/core/state-machine.ts) and read by the web to offer only the
 * moves the server accepts. A pair not listed under `moves` is refused.
 */
export interface StatusMoves<S extends string = string> {
  readonly statuses: readonly S[];
  readonly moves: Readonly<Partial<Record<S, readonly S[]>>>;
}

export function defineMoves<const S extends string>(
  statuses: readonly S[],
  moves: Partial<Record<S, readonly S[]>>,
): StatusMoves<S> {
  return { statuses, moves };
}

const isStatus = <S extends string>(m: StatusMoves<S>, value: string): value is S =>
  (m.statuses as readonly string[]).includes(value);

/** The statuses `from` may move to (none for an unknown or final status). */
export function movesFrom<S extends string>(m: StatusMoves<S>, from: string): readonly S[] {
  return isStatus(m, from) ? (m.moves[from] ?? []) : [];
}

export function canMove<S extends string>(m: StatusMoves<S>, from: string, to: string): boolean {
  return (movesFrom(m, from) as readonly string[]).includes(to);
}
