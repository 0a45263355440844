/** Row ids: random UUIDs, so rows made on two machines (a later sync or merge) never collide. */
export const newId = (): string => crypto.randomUUID()
