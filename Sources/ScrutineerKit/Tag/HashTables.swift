/// An open-addressing hash table of byte strings, each given the number of its insertion.
/// Built once when rules compile; looked up for every word of the text without allocating.
struct ByteStringTable: Sendable {
  private var bytes: [UInt8] = []
  private var starts: [Int32] = []
  private var lengths: [Int32] = []
  /// Entry number + 1 in each slot; 0 for an empty slot.
  private var slots = [Int32](repeating: 0, count: 16)

  /// The number of strings in the table.
  var count: Int { starts.count }

  /// The string's number, inserting it if it is new.
  @discardableResult
  mutating func insert(_ key: [UInt8]) -> Int32 {
    let found = key.withUnsafeBufferPointer { find($0, keep: $0.count, y: false) }
    if found >= 0 { return found }
    if (count + 1) * 2 > slots.count { grow() }
    let index = Int32(count)
    starts.append(Int32(bytes.count))
    lengths.append(Int32(key.count))
    bytes += key
    place(index, hash: key.withUnsafeBufferPointer { Self.hash($0, keep: $0.count, y: false) })
    return index
  }

  /// The number of `key[0..<keep]` followed by "y" when `y` is set, or -1 when absent.
  @inline(__always)
  func find(_ key: UnsafeBufferPointer<UInt8>, keep: Int, y: Bool) -> Int32 {
    let length = keep + (y ? 1 : 0)
    let h = Self.hash(key, keep: keep, y: y)
    // Read through buffers: the slot is masked into range and every entry's bytes lie
    // within `bytes` by construction, so only the probe's logic is left to run.
    return slots.withUnsafeBufferPointer { slots in
      lengths.withUnsafeBufferPointer { lengths in
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
          let entry = slots[slot]
          if entry == 0 { return -1 }
          let e = Int(entry - 1)
          if Int(lengths[e]) == length && matches(e, key, keep: keep, y: y) { return Int32(e) }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  @inline(__always)
  private func matches(_ e: Int, _ key: UnsafeBufferPointer<UInt8>, keep: Int, y: Bool) -> Bool {
    let s = Int(starts[e])
    return bytes.withUnsafeBufferPointer { bytes in
      for k in 0..<keep where bytes[s + k] != key[k] { return false }
      return !y || bytes[s + keep] == UInt8(ascii: "y")
    }
  }

  @inline(__always)
  private static func hash(_ key: UnsafeBufferPointer<UInt8>, keep: Int, y: Bool) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for k in 0..<keep { h = (h ^ UInt64(key[k])) &* 0x100_0000_01b3 }
    if y { h = (h ^ UInt64(UInt8(ascii: "y"))) &* 0x100_0000_01b3 }
    return h ^ (h >> 29)
  }

  private mutating func place(_ index: Int32, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = index + 1
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    for e in 0..<count {
      let s = Int(starts[e])
      let h = bytes[s..<(s + Int(lengths[e]))].withUnsafeBufferPointer {
        Self.hash($0, keep: $0.count, y: false)
      }
      place(Int32(e), hash: h)
    }
  }
}

/// An open-addressing hash table from a pair of small numbers (a node and a label) to a
/// number: the transitions of a trie, looked up in a few instructions.
struct TransitionTable: Sendable {
  private var keys = [UInt64](repeating: .max, count: 16)
  private var values = [Int32](repeating: 0, count: 16)
  private(set) var count = 0

  @inline(__always) private static func key(_ node: Int32, _ label: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: label))
  }

  @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
  }

  /// The target of the transition, or -1.
  @inline(__always)
  func target(_ node: Int32, _ label: Int32) -> Int32 {
    let k = Self.key(node, label)
    let mask = keys.count - 1
    var s = Self.slot(k, mask)
    while true {
      let found = keys[s]
      if found == k { return values[s] }
      if found == .max { return -1 }
      s = (s + 1) & mask
    }
  }

  mutating func set(_ node: Int32, _ label: Int32, to value: Int32) {
    if (count + 1) * 2 > keys.count {
      let old = zip(keys, values).filter { $0.0 != .max }
      keys = [UInt64](repeating: .max, count: keys.count * 2)
      values = [Int32](repeating: 0, count: keys.count)
      count = 0
      for (k, v) in old { put(k, v) }
    }
    put(Self.key(node, label), value)
  }

  private mutating func put(_ k: UInt64, _ v: Int32) {
    let mask = keys.count - 1
    var s = Self.slot(k, mask)
    while keys[s] != .max && keys[s] != k { s = (s + 1) & mask }
    if keys[s] == .max { count += 1 }
    keys[s] = k
    values[s] = v
  }
}

/// A trie over bytes frozen into one dense table: a row for each node and a column for
/// each byte that some edge carries, so that a step is two array reads rather than a
/// hash lookup. Every other byte falls in column 0, which leads nowhere.
struct ByteTrie: Sendable {
  private var column = [UInt16](repeating: 0, count: 256)
  private var width = 1
  /// `rows × width` targets, -1 where there is no edge.
  private var targets: [Int32]

  /// - Parameters:
  ///   - nodes: the number of nodes, numbered from 0 (the root).
  ///   - edges: each edge once.
  init(nodes: Int, edges: [(from: Int32, byte: UInt8, to: Int32)]) {
    for e in edges where column[Int(e.byte)] == 0 {
      column[Int(e.byte)] = UInt16(width)
      width += 1
    }
    targets = [Int32](repeating: -1, count: max(1, nodes) * width)
    for e in edges { targets[Int(e.from) * width + Int(column[Int(e.byte)])] = e.to }
  }

  /// The node the byte leads to from `node`, or -1.
  @inline(__always)
  func target(_ node: Int32, _ byte: UInt8) -> Int32 {
    targets[Int(node) * width + Int(column[Int(byte)])]
  }
}
