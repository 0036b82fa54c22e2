/**
 * The positions of the `k` smallest of `n` items by `compare` (which compares positions),
 * sorted, without sorting all of them: a query may match tens of thousands of documents of
 * which only a page is shown. Items are addressed by position so callers can keep them in
 * parallel arrays instead of allocating an object per match.
 */
export function smallest(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  if (k <= 0) return [];
  if (n <= k) return Array.from({ length: n }, (_, i) => i).sort(compare);
  // Max-heap of the best k so far; its root is the worst of them.
  const heap: number[] = [];
  for (let item = 0; item < n; item++) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, heap.length - 1, compare);
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      siftDown(heap, compare);
    }
  }
  return heap.sort(compare);
}

function siftUp(heap: number[], index: number, compare: (a: number, b: number) => number): void {
  let i = index;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[i]!, heap[parent]!) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: number[], compare: (a: number, b: number) => number): void {
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let largest = i;
    if (left < heap.length && compare(heap[left]!, heap[largest]!) > 0) largest = left;
    if (right < heap.length && compare(heap[right]!, heap[largest]!) > 0) largest = right;
    if (largest === i) return;
    [heap[i], heap[largest]] = [heap[largest]!, heap[i]!];
    i = largest;
  }
}
