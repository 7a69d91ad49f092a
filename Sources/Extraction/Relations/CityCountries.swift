import DocumentModel

/// Which countries have a city of a given name (GeoNames cities of at least 15,000 people, from the bundled
/// `city-countries.tsv`): the world knowledge behind the "City, Country" check of the relation model, so that
/// "in Brussels, Germany and other areas" does not place Brussels in Germany.
enum CityCountries {
  /// Lower-cased city name → the ISO 3166 alpha-2 codes of the countries holding a city of that name. Read on
  /// first use (a document with no place-in-country prediction never pays for it); empty when the file is missing.
  static let table: [String: [String]] = {
    guard let text = try? ResourceLoader.text("city-countries", "tsv") else { return [:] }
    var table: [String: [String]] = [:]
    table.reserveCapacity(33_000)
    text.forEachDataLine { line in
      guard line.first != UInt8(ascii: "#") else { return }
      let cols = line.tabFields()
      guard cols.count == 2 else { return }
      let name = String(decoding: cols[0], as: UTF8.self).lowercased()
      table[name] = String(decoding: cols[1], as: UTF8.self).split(separator: "|").map(String.init)
    }
    return table
  }()

  /// Whether the city named `name` is known to lie only in other countries than the one with ISO code
  /// `alpha2` (false for a name the table does not know).
  static func contradicts(city name: String, country alpha2: String) -> Bool {
    guard let codes = table[name.lowercased()] else { return false }
    return !codes.contains(alpha2)
  }
}
