import Dispatch

/// Work split over the cores, with results in order whatever order they finish in.
enum Parallel {
  /// `transform(0)`, `transform(1)`, … `transform(count - 1)`, computed concurrently.
  static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    var slots = [T?](repeating: nil, count: count)
    slots.withUnsafeMutableBufferPointer { buffer in
      // Each iteration writes only its own slot.
      nonisolated(unsafe) let buffer = buffer
      withoutActuallyEscaping(transform) { transform in
        nonisolated(unsafe) let transform = transform
        DispatchQueue.concurrentPerform(iterations: count) { k in buffer[k] = transform(k) }
      }
    }
    return slots.map { $0! }
  }
}
