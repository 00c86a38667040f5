import Foundation

/// Finds the files a batch analyses: walks folders recursively in name order, follows
/// symbolic links to files and to folders not yet visited, and reports (never follows) a
/// link back into a folder already on the way down.
///
/// Folders are told apart by device and inode, so a loop is caught whatever its path.
/// Names starting with `.` are ignored (`.git`, `.DS_Store`, Scrutineer's own manifest).
struct FileWalker {
  /// One folder or file named on the command line.
  struct Root {
    /// The path as the user gave it.
    var path: String
    /// What the relative paths of its files start with: "" for a single folder, else the
    /// folder's own name.
    var prefix: String
  }

  /// A file to analyse.
  struct Input: Sendable {
    /// The path under the output folder's `files/` and in every output.
    var relativePath: String
    /// The path to open.
    var path: String
    /// The file has no extension: analyse it only if it decodes as text.
    var needsTextCheck: Bool
    /// What `stat` gave while walking, before the file was read: its size for progress,
    /// and for `batch` to tell whether the file may have changed since an earlier run.
    var stamp: FileStamp

    /// The size `stat` gives.
    var size: Int { stamp.size }
  }

  /// A file or folder not analysed, and why.
  struct Problem: Sendable {
    var relativePath: String
    var path: String
    var reason: String
  }

  struct Result {
    var inputs: [Input] = []
    /// Not analysable by design: unsupported types, loops, special files.
    var skipped: [Problem] = []
    /// Expected to be analysable but could not be reached: unreadable folders, broken links.
    var failed: [Problem] = []
  }

  /// Extensions analysed as text, lowercase.
  static let supported: Set<String> = ["txt", "md", "text", "pdf", "docx", "html", "htm"]

  /// A folder never entered (the output folder, when it sits inside an input).
  var excluded: FileID?

  /// Walks every root, in order.
  func walk(_ roots: [Root]) -> Result {
    var state = State()
    for root in roots {
      guard let info = FileID.lookup(root.path, follow: true) else {
        state.result.failed.append(
          Problem(relativePath: root.prefix, path: root.path, reason: "no such file or folder"))
        continue
      }
      if info.isDirectory {
        state.visited[info.id] = root.prefix.isEmpty ? "." : root.prefix
        walk(folder: root.path, relative: root.prefix, ancestors: [info.id: root.prefix], into: &state)
      } else {
        visit(
          name: (root.path as NSString).lastPathComponent, path: root.path, relative: root.prefix,
          ancestors: [:], into: &state)
      }
    }
    return state.result
  }

  private struct State {
    var result = Result()
    /// Folders entered so far, with the relative path they were entered by.
    var visited: [FileID: String] = [:]
  }

  private func walk(folder: String, relative: String, ancestors: [FileID: String], into state: inout State) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      state.result.failed.append(
        Problem(
          relativePath: relative.isEmpty ? "." : relative, path: folder,
          reason: "cannot be read (permission denied)"))
      return
    }
    for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      let rel = relative.isEmpty ? name : relative + "/" + name
      visit(name: name, path: path, relative: rel, ancestors: ancestors, into: &state)
    }
  }

  private func visit(
    name: String, path: String, relative rel: String, ancestors: [FileID: String], into state: inout State
  ) {
    guard let link = FileID.lookup(path, follow: false) else {
      state.result.failed.append(Problem(relativePath: rel, path: path, reason: "cannot be read"))
      return
    }
    guard let info = link.isSymbolicLink ? FileID.lookup(path, follow: true) : link else {
      state.result.failed.append(Problem(relativePath: rel, path: path, reason: "is a broken symbolic link"))
      return
    }
    if info.isDirectory {
      if info.id == excluded { return }
      if let back = ancestors[info.id] {
        let target = back.isEmpty ? "the top of the input folder" : "'\(back)'"
        state.result.skipped.append(
          Problem(
            relativePath: rel, path: path, reason: "is a symbolic link loop back to \(target); not followed"))
        return
      }
      if let seen = state.visited[info.id] {
        state.result.skipped.append(
          Problem(relativePath: rel, path: path, reason: "is the same folder as '\(seen)', already included"))
        return
      }
      state.visited[info.id] = rel
      var down = ancestors
      down[info.id] = rel
      walk(folder: path, relative: rel, ancestors: down, into: &state)
    } else if info.isRegularFile {
      let ext = Self.fileExtension(name)
      if ext.isEmpty || Self.supported.contains(ext.lowercased()) {
        state.result.inputs.append(
          Input(relativePath: rel, path: path, needsTextCheck: ext.isEmpty, stamp: info.stamp))
      } else {
        state.result.skipped.append(
          Problem(relativePath: rel, path: path, reason: "unsupported file type (.\(ext))"))
      }
    } else {
      state.result.skipped.append(Problem(relativePath: rel, path: path, reason: "is not a regular file"))
    }
  }

  /// The text after the last dot of a name, or "" when there is none.
  static func fileExtension(_ name: String) -> String {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
  }
}

/// A file's identity on disk: device and inode.
struct FileID: Hashable, Sendable {
  var device: UInt64
  var inode: UInt64

  /// What `stat` (or `lstat`, when `follow` is false) says about a path.
  struct Info {
    var id: FileID
    var isDirectory: Bool
    var isRegularFile: Bool
    var isSymbolicLink: Bool
    var stamp: FileStamp
    var size: Int { stamp.size }
  }

  static func lookup(_ path: String, follow: Bool) -> Info? {
    var st = stat()
    let rc = follow ? stat(path, &st) : lstat(path, &st)
    guard rc == 0 else { return nil }
    let type = st.st_mode & S_IFMT
    return Info(
      id: FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)), isDirectory: type == S_IFDIR,
      isRegularFile: type == S_IFREG, isSymbolicLink: type == S_IFLNK, stamp: FileStamp(st))
  }
}

/// What `stat` says of a file that changes whenever its bytes may have: its size, device
/// and inode, and the times of its last modification and last status change, to the
/// nanosecond.
///
/// Writing to a file, truncating it, renaming another over it or changing its
/// permissions all set its status-change time (`ctime`) to the present, and no system
/// call sets it back (`touch` and `utimensat` set only the modification and access
/// times), so a file whose stamp is unchanged has not been written to since it was taken.
struct FileStamp: Codable, Equatable, Sendable {
  var size: Int
  var device: UInt64
  var inode: UInt64
  /// Nanoseconds since 1970.
  var modified: Int
  var changed: Int

  init(_ st: stat) {
    size = Int(st.st_size)
    device = UInt64(st.st_dev)
    inode = UInt64(st.st_ino)
    #if canImport(Darwin)
      modified = Int(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int(st.st_mtimespec.tv_nsec)
      changed = Int(st.st_ctimespec.tv_sec) * 1_000_000_000 + Int(st.st_ctimespec.tv_nsec)
    #else
      modified = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
      changed = Int(st.st_ctim.tv_sec) * 1_000_000_000 + Int(st.st_ctim.tv_nsec)
    #endif
  }

  /// The stamp of the file at `path` (following symbolic links), or nil when there is none.
  static func of(_ path: String) -> FileStamp? {
    var st = stat()
    return stat(path, &st) == 0 ? FileStamp(st) : nil
  }

  /// The stamp of an open file.
  static func of(descriptor fd: Int32) -> FileStamp? {
    var st = stat()
    return fstat(fd, &st) == 0 ? FileStamp(st) : nil
  }
}
