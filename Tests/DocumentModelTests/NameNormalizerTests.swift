import DocumentModel
import Testing

/// The one name normalizer: ids, store keys and searches agree on what counts as the same name.
@Suite struct NameNormalizerTests {
  @Test func wordsFoldCaseAccentsWidthAndApostrophes() {
    #expect(NameNormalizer.words("Dr. José O’Brien") == ["dr", "jose", "obrien"])
    #expect(NameNormalizer.words("ＵＮ-Habitat") == ["un", "habitat"])
    #expect(NameNormalizer.words("  ...  ").isEmpty)
    #expect(NameNormalizer.words("Москва 2024") == ["москва", "2024"])
  }

  @Test func slugIsTheIdOfAnEntity() {
    #expect(NameNormalizer.slug("Maria  López") == "maria-lopez")
    #expect(NameNormalizer.slug("!!!") == "x")
    #expect(EntityID(kind: .person, name: "Maria López") == "person:maria-lopez")
    #expect(EntityID.slug("O'Brien & Sons") == "obrien-sons")
  }

  @Test func keyDropsLeadingTheAndPossessive() {
    #expect(NameNormalizer.key("The Roe Foundation's") == "roe foundation")
    #expect(NameNormalizer.key("The") == "the")
    #expect(NameNormalizer.key("Bus") == "bus")
    #expect(NameNormalizer.key("Jones’s") == "jones")
  }

  /// The ASCII fast path (lower-casing only) gives what the general rule gives: lower case, words joined by
  /// single spaces, curly apostrophes straightened.
  @Test func surfaceFormCollapsesEveryKindOfSpaceAndCase() {
    let cases: [(String, String)] = [
      ("Jane Roe", "jane roe"), ("JANE ROE", "jane roe"), ("Jane  Roe", "jane roe"), (" Jane Roe", "jane roe"),
      ("Jane Roe ", "jane roe"), ("Jane\tRoe", "jane roe"), ("Jane\nRoe", "jane roe"), ("", ""), ("A", "a"),
      ("O’Brien", "o'brien"), ("José Martí", "josé martí"), ("Jane\u{00A0}Roe", "jane roe"),
    ]
    for (name, form) in cases { #expect(NameNormalizer.surfaceForm(name) == form, "\(name.debugDescription)") }
  }

  @Test func searchFormAndSurfaceFormDiffer() {
    #expect(NameNormalizer.searchForm("José   Martí") == "jose marti")
    #expect(NameNormalizer.surfaceForm("U.S.  Navy’s") == "u.s. navy's")
    #expect(NameNormalizer.surfaceForm("US") != NameNormalizer.surfaceForm("U.S."))
  }
}
