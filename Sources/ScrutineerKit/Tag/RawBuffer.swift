/// A growable run of plain values in memory of its own, for a scan's innermost loop:
/// appending is a store and a count, with no check for sharing as an array makes. Its
/// owner frees it with `free()`; it is never copied while in use.
struct RawBuffer<Element: BitwiseCopyable> {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
  }

  @inline(__always)
  mutating func append(_ element: Element) {
    if count == capacity { grow() }
    (base + count).initialize(to: element)
    count += 1
  }

  private mutating func grow() {
    capacity *= 2
    let wider = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    wider.moveInitialize(from: base, count: count)
    base.deallocate()
    base = wider
  }

  /// Forgets the values, keeping the memory.
  @inline(__always)
  mutating func removeAll() { count = 0 }

  /// The values appended so far, valid until the next append or `free()`.
  var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  func free() { base.deallocate() }
}
