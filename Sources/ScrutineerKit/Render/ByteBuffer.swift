/// A growable run of bytes for the writers: appending a byte is a store and a count,
/// with no uniqueness or bounds checks, which `[UInt8]` pays for on every append.
///
/// A reference type, owned by one writer at a time; it is not shared across threads.
final class ByteBuffer {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int = 4096) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  @inline(__always) func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    base[count] = byte
    count += 1
  }

  @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, bytes.count > 0 else { return }
    if count + bytes.count > capacity { grow(to: count + bytes.count) }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  @inline(__always) func append(_ s: StaticString) {
    append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
  }

  /// The same byte `n` times.
  func append(repeating byte: UInt8, count n: Int) {
    guard n > 0 else { return }
    if count + n > capacity { grow(to: count + n) }
    (base + count).initialize(repeating: byte, count: n)
    count += n
  }

  /// Reverses the bytes from `start` to the end, in place.
  func reverseTail(from start: Int) {
    var tail = UnsafeMutableBufferPointer(start: base + start, count: count - start)
    tail.reverse()
  }

  /// The bytes written, as UTF-8 text.
  var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

  /// The bytes written.
  var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

  private func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.moveInitialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}
