/// SHA-256 (FIPS 180-4), for the content hashes in the batch manifest: the same hex
/// digest `sha256sum` prints. Rotations are written out rather than put in a helper, so
/// that a debug build (which inlines operators but not our functions) stays quick.
struct SHA256 {
  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  /// The digest of `bytes` as 64 lowercase hex digits.
  /// - Complexity: O(*n*); one pass over the bytes, which are not copied: only the last
  ///   block or two are, to be padded.
  static func hex(_ bytes: [UInt8]) -> String {
    var h: [UInt32] = [
      0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    let whole = bytes.count / 64 * 64
    var tail = Array(bytes[whole...])
    let bitLength = UInt64(bytes.count) &* 8
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    var w = [UInt32](repeating: 0, count: 64)
    h.withUnsafeMutableBufferPointer { h in
      w.withUnsafeMutableBufferPointer { w in
        bytes.withUnsafeBufferPointer { m in
          compress(UnsafeBufferPointer(rebasing: m[..<whole]), into: h, schedule: w)
        }
        tail.withUnsafeBufferPointer { m in compress(m, into: h, schedule: w) }
      }
    }
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for word in h {
      for shift in stride(from: 28, through: 0, by: -4) {
        out.append(digits[Int(word >> UInt32(shift) & 0xf)])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Runs the compression function over whole 64-byte blocks.
  private static func compress(
    _ m: UnsafeBufferPointer<UInt8>, into h: UnsafeMutableBufferPointer<UInt32>,
    schedule w: UnsafeMutableBufferPointer<UInt32>
  ) {
    k.withUnsafeBufferPointer { k in
      for chunk in stride(from: 0, to: m.count, by: 64) {
        for t in 0..<16 {
          let i = chunk + 4 * t
          w[t] = UInt32(m[i]) << 24 | UInt32(m[i + 1]) << 16 | UInt32(m[i + 2]) << 8 | UInt32(m[i + 3])
        }
        for t in 16..<64 {
          let x = w[t - 15]
          let s0 = (x >> 7 | x << 25) ^ (x >> 18 | x << 14) ^ (x >> 3)
          let y = w[t - 2]
          let s1 = (y >> 17 | y << 15) ^ (y >> 19 | y << 13) ^ (y >> 10)
          w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = h[0]
        var b = h[1]
        var c = h[2]
        var d = h[3]
        var e = h[4]
        var f = h[5]
        var g = h[6]
        var hh = h[7]
        // Eight rounds at a time, each in place: instead of shifting the eight working
        // variables along every round, the round's roles move along the variables.
        for t in stride(from: 0, to: 64, by: 8) {
          do {
            let s1 = (e >> 6 | e << 26) ^ (e >> 11 | e << 21) ^ (e >> 25 | e << 7)
            let t1 = hh &+ s1 &+ ((e & f) ^ (~e & g)) &+ k[t + 0] &+ w[t + 0]
            let s0 = (a >> 2 | a << 30) ^ (a >> 13 | a << 19) ^ (a >> 22 | a << 10)
            d = d &+ t1
            hh = t1 &+ s0 &+ ((a & b) ^ (a & c) ^ (b & c))
          }
          do {
            let s1 = (d >> 6 | d << 26) ^ (d >> 11 | d << 21) ^ (d >> 25 | d << 7)
            let t1 = g &+ s1 &+ ((d & e) ^ (~d & f)) &+ k[t + 1] &+ w[t + 1]
            let s0 = (hh >> 2 | hh << 30) ^ (hh >> 13 | hh << 19) ^ (hh >> 22 | hh << 10)
            c = c &+ t1
            g = t1 &+ s0 &+ ((hh & a) ^ (hh & b) ^ (a & b))
          }
          do {
            let s1 = (c >> 6 | c << 26) ^ (c >> 11 | c << 21) ^ (c >> 25 | c << 7)
            let t1 = f &+ s1 &+ ((c & d) ^ (~c & e)) &+ k[t + 2] &+ w[t + 2]
            let s0 = (g >> 2 | g << 30) ^ (g >> 13 | g << 19) ^ (g >> 22 | g << 10)
            b = b &+ t1
            f = t1 &+ s0 &+ ((g & hh) ^ (g & a) ^ (hh & a))
          }
          do {
            let s1 = (b >> 6 | b << 26) ^ (b >> 11 | b << 21) ^ (b >> 25 | b << 7)
            let t1 = e &+ s1 &+ ((b & c) ^ (~b & d)) &+ k[t + 3] &+ w[t + 3]
            let s0 = (f >> 2 | f << 30) ^ (f >> 13 | f << 19) ^ (f >> 22 | f << 10)
            a = a &+ t1
            e = t1 &+ s0 &+ ((f & g) ^ (f & hh) ^ (g & hh))
          }
          do {
            let s1 = (a >> 6 | a << 26) ^ (a >> 11 | a << 21) ^ (a >> 25 | a << 7)
            let t1 = d &+ s1 &+ ((a & b) ^ (~a & c)) &+ k[t + 4] &+ w[t + 4]
            let s0 = (e >> 2 | e << 30) ^ (e >> 13 | e << 19) ^ (e >> 22 | e << 10)
            hh = hh &+ t1
            d = t1 &+ s0 &+ ((e & f) ^ (e & g) ^ (f & g))
          }
          do {
            let s1 = (hh >> 6 | hh << 26) ^ (hh >> 11 | hh << 21) ^ (hh >> 25 | hh << 7)
            let t1 = c &+ s1 &+ ((hh & a) ^ (~hh & b)) &+ k[t + 5] &+ w[t + 5]
            let s0 = (d >> 2 | d << 30) ^ (d >> 13 | d << 19) ^ (d >> 22 | d << 10)
            g = g &+ t1
            c = t1 &+ s0 &+ ((d & e) ^ (d & f) ^ (e & f))
          }
          do {
            let s1 = (g >> 6 | g << 26) ^ (g >> 11 | g << 21) ^ (g >> 25 | g << 7)
            let t1 = b &+ s1 &+ ((g & hh) ^ (~g & a)) &+ k[t + 6] &+ w[t + 6]
            let s0 = (c >> 2 | c << 30) ^ (c >> 13 | c << 19) ^ (c >> 22 | c << 10)
            f = f &+ t1
            b = t1 &+ s0 &+ ((c & d) ^ (c & e) ^ (d & e))
          }
          do {
            let s1 = (f >> 6 | f << 26) ^ (f >> 11 | f << 21) ^ (f >> 25 | f << 7)
            let t1 = a &+ s1 &+ ((f & g) ^ (~f & hh)) &+ k[t + 7] &+ w[t + 7]
            let s0 = (b >> 2 | b << 30) ^ (b >> 13 | b << 19) ^ (b >> 22 | b << 10)
            e = e &+ t1
            a = t1 &+ s0 &+ ((b & c) ^ (b & d) ^ (c & d))
          }
        }
        h[0] = h[0] &+ a
        h[1] = h[1] &+ b
        h[2] = h[2] &+ c
        h[3] = h[3] &+ d
        h[4] = h[4] &+ e
        h[5] = h[5] &+ f
        h[6] = h[6] &+ g
        h[7] = h[7] &+ hh
      }
    }
  }
}
