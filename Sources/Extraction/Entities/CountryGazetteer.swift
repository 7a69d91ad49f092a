import DocumentModel
import Foundation

/// Every ISO 3166-1 country with its names, aliases and demonyms, for exact country recognition.
///
/// Names come from the Debian `iso-codes` package at run time (`name`, `official_name`, `common_name`);
/// aliases, demonyms and the canonical English short name come from the bundled `country-aliases.tsv`.
public struct CountryGazetteer: Sendable {
  /// One country.
  public struct Country: Sendable, Hashable {
    /// Canonical English short name ("Iran", "United Kingdom").
    public var name: String
    public var alpha2: String
    public var alpha3: String
    /// All names and aliases, including `name`.
    public var names: [String]
    /// Adjectives and people nouns ("Iranian", "Iranians").
    public var demonyms: [String]
    /// Whether ISO lists it but it is a dependent territory (typed as a location).
    public var isTerritory: Bool
    /// The entity id (`country:iran`).
    public var id: EntityID { EntityID(kind: isTerritory ? .location : .country, name: name) }
  }

  public private(set) var countries: [Country] = []
  /// Names and aliases → country index.
  var names = PhraseGazetteer()
  /// Demonyms → country index.
  var demonyms = PhraseGazetteer()
  /// Plural people nouns ("Iranians", "Britons") → country index: GUM tags these groups as persons.
  var groupNouns = PhraseGazetteer()
  /// All-capital short aliases ("US", "UK") that must match exactly, not as ordinary words ("us").
  var exactCaseAliases: Set<String> = []
  /// Lower-cased exact-case alias → the alias ("us" → "US").
  var exactCaseByLower: [String: String] = [:]

  /// The standard location of the iso-codes data file.
  public static let defaultISOPath = "/usr/share/iso-codes/json/iso_3166-1.json"

  /// Loads the ISO data from `isoPath` and the aliases TSV text.
  ///
  /// - Throws: ``ExtractionError`` `.missingCountryData` when the ISO file is missing, `.badResource`
  ///   when it cannot be parsed.
  public init(isoPath: String = CountryGazetteer.defaultISOPath, aliasesTSV: String) throws {
    guard let data = FileManager.default.contents(atPath: isoPath) else {
      throw ExtractionError(
        .missingCountryData,
        "ISO 3166-1 country data not found at \(isoPath); install it with `apt-get install iso-codes`")
    }
    struct ISOFile: Decodable {
      struct Entry: Decodable {
        var alpha_2: String
        var alpha_3: String
        var name: String
        var official_name: String?
        var common_name: String?
      }
      var entries: [Entry]
      enum CodingKeys: String, CodingKey { case entries = "3166-1" }
    }
    let iso: ISOFile
    do { iso = try JSONDecoder().decode(ISOFile.self, from: data) } catch {
      throw ExtractionError(.badResource, "cannot read ISO 3166-1 data at \(isoPath): \(error)")
    }
    var extra: [String: [String]] = [:]
    for line in aliasesTSV.dataLines() where !line.hasPrefix("#") {
      let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if cols.count >= 5 { extra[cols[0]] = cols }
    }
    func list(_ s: String) -> [String] { s == "-" ? [] : s.split(separator: "|").map(String.init) }
    for e in iso.entries {
      let cols = extra[e.alpha_2] ?? []
      var canonical = e.common_name ?? e.name
      if cols.count > 1, cols[1] != "-" { canonical = cols[1] }
      var all = [canonical, e.name]
      if let o = e.official_name { all.append(o) }
      if let c = e.common_name { all.append(c) }
      if cols.count > 2 { all += list(cols[2]) }
      // "Korea, Republic of" style names are not running-text forms.
      all = all.filter { !$0.contains(",") && !$0.contains("(") }
      var seen = Set<String>()
      all = all.filter { seen.insert($0).inserted }
      let adjectives = cols.count > 3 ? list(cols[3]) : []
      let nouns = cols.count > 4 ? list(cols[4]) : []
      let country = Country(
        name: canonical, alpha2: e.alpha_2, alpha3: e.alpha_3, names: all,
        demonyms: adjectives + nouns, isTerritory: cols.count > 5 && cols[5] == "territory")
      let index = Int32(countries.count)
      countries.append(country)
      for n in all {
        names.insert(n, payload: index)
        // "The Netherlands", "the United States": match without the article too.
        // (Only multi-word ones: "the States" must not make every "States" a country.)
        if n.lowercased().hasPrefix("the "), n.dropFirst(4).contains(" ") {
          names.insert(String(n.dropFirst(4)), payload: index)
        }
        let letters = n.filter(\.isLetter)
        if letters.count <= 4 && letters.allSatisfy(\.isUppercase) {
          exactCaseAliases.insert(n)
          exactCaseByLower[n.lowercased()] = n
        }
      }
      for d in adjectives + nouns { demonyms.insert(d, payload: index) }
      // Plural people nouns: explicit plurals in the nouns list, and "-s" plurals of adjectives in -an/-i.
      for n in nouns where n.hasSuffix("s") || n.hasSuffix("men") { groupNouns.insert(n, payload: index) }
    }
  }

  /// Loads the ISO data and the bundled aliases file.
  public static func makeDefault(isoPath: String = defaultISOPath) throws -> CountryGazetteer {
    try CountryGazetteer(isoPath: isoPath, aliasesTSV: try ResourceLoader.text("country-aliases", "tsv"))
  }
}

/// Reads bundled resource files.
enum ResourceLoader {
  static func url(_ name: String, _ ext: String) throws -> URL {
    if let u = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") { return u }
    if let u = Bundle.module.url(forResource: name, withExtension: ext) { return u }
    throw ExtractionError(.missingResource, "bundled resource \(name).\(ext) is missing from the Extraction module")
  }

  static func text(_ name: String, _ ext: String) throws -> String {
    let u = try url(name, ext)
    guard let data = try? Data(contentsOf: u), let s = String(data: data, encoding: .utf8) else {
      throw ExtractionError(.badResource, "cannot read bundled resource \(u.path) as UTF-8")
    }
    return s
  }

  /// The bytes of a bundled resource, mapped rather than copied (the bundle is not rewritten while the tool runs).
  static func data(_ name: String, _ ext: String) throws -> Data {
    let u = try url(name, ext)
    guard let data = try? Data(contentsOf: u, options: .alwaysMapped) else {
      throw ExtractionError(.badResource, "cannot read bundled resource \(u.path)")
    }
    return data
  }
}
