import Foundation

/// Runs a job over items on a fixed number of threads, each taking the next item when it
/// is free, and gathers the outputs in item order whatever order they finish in.
///
/// The calling thread waits, calling `tick` about ten times a second to draw progress.
final class WorkerPool<Output: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var next = 0
  private var finished = 0
  private var finishedWeight = 0
  private var outputs: [Output?]
  private let weights: [Int]

  private init(weights: [Int]) {
    self.weights = weights
    outputs = Array(repeating: nil, count: weights.count)
  }

  /// Runs `work` on every index of `weights` with `threads` threads.
  /// - Parameters:
  ///   - weights: one number per item (its size in bytes), summed for `tick`.
  ///   - tick: called on the calling thread with the items finished and their weight.
  /// - Returns: the outputs, in index order.
  static func run(
    weights: [Int], threads: Int, work: @escaping @Sendable (Int) -> Output,
    tick: (_ finished: Int, _ weight: Int) -> Void
  ) -> [Output] {
    let pool = WorkerPool(weights: weights)
    let count = weights.count
    for _ in 0..<max(1, min(threads, count)) {
      let thread = Thread { pool.work(work) }
      thread.stackSize = 8 << 20
      thread.start()
    }
    pool.condition.lock()
    while pool.finished < count {
      _ = pool.condition.wait(until: Date(timeIntervalSinceNow: 0.1))
      let (done, weight) = (pool.finished, pool.finishedWeight)
      pool.condition.unlock()
      tick(done, weight)
      pool.condition.lock()
    }
    pool.condition.unlock()
    return pool.outputs.map { $0! }
  }

  private func work(_ job: (Int) -> Output) {
    while true {
      condition.lock()
      guard next < outputs.count else {
        condition.unlock()
        return
      }
      let i = next
      next += 1
      condition.unlock()
      let output = job(i)
      condition.lock()
      outputs[i] = output
      finished += 1
      finishedWeight += weights[i]
      if finished == outputs.count { condition.signal() }
      condition.unlock()
    }
  }
}
