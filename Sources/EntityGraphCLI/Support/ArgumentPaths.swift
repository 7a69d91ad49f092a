import Foundation

/// Arguments that name existing files although they look like options.
///
/// A file named `-dash.txt` would be parsed as the short flags `-d -a -s -h …` (and `-h` prints the help
/// and exits 0: issue 12). Before parsing, an argument that starts with a single `-`, is not `-` itself
/// and names an existing file or folder is rewritten as `./-dash.txt`, the same path that no parser reads
/// as an option. Arguments after `--` are left alone (they are already paths), as are the values of options.
public enum ArgumentPaths {
  /// `arguments` with option-like existing paths made explicit (`./NAME`).
  public static func normalized(
    _ arguments: [String], fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }
  )
    -> [String]
  {
    var out: [String] = []
    var afterTerminator = false
    for a in arguments {
      if afterTerminator || a == "-" || !a.hasPrefix("-") || a.hasPrefix("--") {
        if a == "--" { afterTerminator = true }
        out.append(a)
      } else if fileExists(a) {
        out.append("./" + a)
      } else {
        out.append(a)
      }
    }
    return out
  }
}
