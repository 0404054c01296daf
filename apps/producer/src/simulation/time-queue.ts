// Binary min-heap of ids keyed by time, on typed arrays (no allocation per operation). Ties break by id,
// so the order is total and the schedule deterministic.

function precedes(time: number, id: number, otherTime: number, otherId: number): boolean {
  return time < otherTime || (time === otherTime && id < otherId);
}

export class TimeQueue {
  private readonly times: Float64Array;
  private readonly ids: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Id with the smallest time; only meaningful when size > 0. */
  get topId(): number {
    return this.ids[0] as number;
  }

  get topTime(): number {
    return this.times[0] as number;
  }

  push(id: number, time: number): void {
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = this.times[parent] as number;
      const parentId = this.ids[parent] as number;
      if (!precedes(time, id, parentTime, parentId)) break;
      this.times[i] = parentTime;
      this.ids[i] = parentId;
      i = parent;
    }
    this.times[i] = time;
    this.ids[i] = id;
  }

  /** Gives the top id a new time: one sift down instead of a pop and a push. */
  rescheduleTop(time: number): void {
    const id = this.ids[0] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.count) break;
      const right = child + 1;
      if (right < this.count && precedes(this.times[right] as number, this.ids[right] as number, this.times[child] as number, this.ids[child] as number)) {
        child = right;
      }
      const childTime = this.times[child] as number;
      const childId = this.ids[child] as number;
      if (!precedes(childTime, childId, time, id)) break;
      this.times[i] = childTime;
      this.ids[i] = childId;
      i = child;
    }
    this.times[i] = time;
    this.ids[i] = id;
  }
}
