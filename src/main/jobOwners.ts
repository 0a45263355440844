/**
 * Which window started which analysis. Events go back only to the window that started a job, a window
 * may cancel only its own jobs, and a window that closes or reloads takes its jobs with it.
 */
export class JobOwners<Owner> {
  private readonly owners = new Map<string, Owner>()

  /** Records a new job; false when the id is already taken (by this or another window). */
  claim(jobId: string, owner: Owner): boolean {
    if (this.owners.has(jobId)) return false
    this.owners.set(jobId, owner)
    return true
  }

  isOwner(jobId: string, owner: Owner): boolean {
    return this.owners.get(jobId) === owner
  }

  /** Forgets a finished or cancelled job, but only for its own owner. */
  release(jobId: string, owner: Owner): boolean {
    if (!this.isOwner(jobId, owner)) return false
    this.owners.delete(jobId)
    return true
  }

  /** Forgets every job of one owner and returns their ids, to be cancelled. */
  releaseAll(owner: Owner): string[] {
    const released = [...this.owners].filter(([, o]) => o === owner).map(([jobId]) => jobId)
    for (const jobId of released) this.owners.delete(jobId)
    return released
  }
}
