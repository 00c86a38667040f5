/// Finds the addressee of a letter: the name and role between the date and "Dear".
enum RecipientFinder {
  private static let roleStarts: Set<String> = [
    "Director", "Chief", "Executive", "Strategic", "Corporate", "Interim", "Acting", "Assistant", "Deputy",
    "Head",
    "Cabinet", "Leader", "Service", "Managing", "Lead", "Commissioner", "Children's", "Children’s", "DCS",
  ]
  private static let roleWords: Set<String> = [
    "director", "for", "of", "and", "education", "skills", "children's", "children’s", "services", "chief",
    "executive", "strategic", "corporate", "interim", "acting", "assistant", "deputy", "head", "people",
    "families",
    "family", "care", "social", "learning", "young", "adults", "adult", "health", "wellbeing", "operational",
    "service", "lead", "member", "cabinet", "commissioner", "safeguarding", "early", "help", "community",
    "communities", "&", "(dcs)", "dcs", "the", "children", "schools", "officer",
  ]
  private static let honorifics: Set<String> = [
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Cllr", "Councillor", "Professor", "Sir", "Dame",
  ]

  static func find(doc: DocumentText) -> Recipient? {
    let info = doc.info
    var dateLine: Int?
    var dear: Int?
    for i in info.indices.prefix(80) where info[i].kind == .text {
      let t = info[i].text
      if dateLine == nil, t.hasAtMostCharacters(30), DateParser.fullDate(in: t[...]) != nil { dateLine = i }
      if t.utf8.first == UInt8(ascii: "D"), t.hasPrefix("Dear ") {
        dear = i
        break
      }
    }
    guard let dear else { return nil }
    let from = (dateLine ?? max(0, dear - 9)) + 1
    guard from <= dear else { return nil }
    let lines = (from..<dear).filter { info[$0].kind == .text }.map {
      info[$0].text.replacingPlain("  ", with: " ")
    }
    // The date and the address may share one line (web copies): split it.
    var candidates = lines
    if let dl = dateLine,
      candidates.isEmpty || candidates.count == 1 && candidates[0].split(separator: " ").count > 8
    {
      let t = info[dl].text
      if candidates.isEmpty, t.split(separator: " ").count > 5 { candidates = [t] }
    }
    guard let first = candidates.first else { return nil }
    let words = first.split(separator: " ").map(String.init)
    if candidates.count >= 2 && words.count <= 5 {
      var nameWords = words
      if let f = nameWords.first, honorifics.contains(f.trimmingCharacters(in: ".")), nameWords.count >= 3 {
        nameWords.removeFirst()
      }
      let bare = nameWords.joined(separator: " ")
      guard let name = Inspectors.personName(bare.filter { $0 != "," }) ?? titledName(words) else {
        return nil
      }
      var role = candidates[1].trimmingCharacters(in: " ,")
      if role.containsBytes("@") || hasNumber(role) { role = "" }
      return Recipient(name: name.straightApostrophes, role: role.isEmpty ? nil : role)
    }
    // One line: "Tim O'Neill Director for Education and Skills Birmingham City Council …".
    guard let roleIndex = words.firstIndex(where: { roleStarts.contains($0) }), roleIndex >= 2 else {
      return nil
    }
    let name = words[0..<roleIndex].joined(separator: " ")
    var end = roleIndex + 1
    while end < words.count, roleWords.contains(words[end].quickLowercased) { end += 1 }
    while end > roleIndex + 1, ["and", "of", "for", "the", "&"].contains(words[end - 1].quickLowercased) {
      end -= 1
    }
    let role = words[roleIndex..<end].joined(separator: " ")
    return Recipient(name: name, role: role)
  }

  /// Whether the text has a character that is a number: in ASCII only a digit is.
  static func hasNumber(_ text: String) -> Bool {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.hasASCIIDigit }
    return text.contains(where: \.isNumber)
  }

  private static func titledName(_ words: [String]) -> String? {
    guard let f = words.first, honorifics.contains(f.trimmingCharacters(in: ".")), words.count >= 2 else {
      return nil
    }
    return words.joined(separator: " ")
  }
}
