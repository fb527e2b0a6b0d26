/**
 * Sorts a[from, to) so that ahead(x, y) holds for every x before y. `ahead` must be a strict
 * total order. Quicksort with insertion sort for short ranges, written out because
 * Array.prototype.sort cannot inline its comparator: on the ~150,000 list entries of a 10,000
 * student run this is several times faster.
 */
export function sortBy(
  a: Int32Array,
  from: number,
  to: number,
  ahead: (x: number, y: number) => boolean,
): void {
  while (to - from > 16) {
    const pivot = medianOfThree(a[from], a[(from + to) >> 1], a[to - 1], ahead);
    let i = from;
    let j = to - 1;
    while (i <= j) {
      while (ahead(a[i], pivot)) i++;
      while (ahead(pivot, a[j])) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    // Recurse into the shorter side, loop on the longer: the stack stays logarithmic.
    if (j + 1 - from < to - i) {
      sortBy(a, from, j + 1, ahead);
      from = i;
    } else {
      sortBy(a, i, to, ahead);
      to = j + 1;
    }
  }
  insertionSort(a, from, to, ahead);
}

function medianOfThree(
  x: number,
  y: number,
  z: number,
  ahead: (a: number, b: number) => boolean,
): number {
  if (ahead(x, y)) return ahead(y, z) ? y : ahead(x, z) ? z : x;
  return ahead(x, z) ? x : ahead(y, z) ? z : y;
}

function insertionSort(
  a: Int32Array,
  from: number,
  to: number,
  ahead: (x: number, y: number) => boolean,
): void {
  for (let i = from + 1; i < to; i++) {
    const x = a[i];
    let j = i;
    while (j > from && ahead(x, a[j - 1])) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = x;
  }
}
