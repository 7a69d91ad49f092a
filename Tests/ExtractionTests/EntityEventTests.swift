import DocumentModel
import Testing

@testable import Extraction

@Suite struct EntityEventTests {
  @Test func reportedWebinarGetsTitleAndDate() throws {
    let a = try EntityFixtures.analyze(
      "On March 3, 2024, the Harbour Policy Institute hosted a webinar titled “Water and Peace in the Sahel,” "
        + "which was moderated by Lena Okafor.")
    let event = try #require(a.entities.values.first { $0.kind == .event && $0.name == "Water and Peace in the Sahel" })
    #expect(event.attributes["date"] == "2024-03-03")
    #expect(event.attributes["title"] == "Water and Peace in the Sahel")
  }

  @Test func dayMonthYearDates() throws {
    let a = try EntityFixtures.analyze(
      "The ministry held a conference called \"Rivers Without Borders\" on 12 June 2022 in the capital.")
    let event = try #require(a.entities.values.first { $0.kind == .event })
    #expect(event.attributes["date"] == "2022-06-12")
  }

  @Test(arguments: ["First World War", "Operation Northern Shield", "October 7 attack"])
  func namedEvents(name: String) throws {
    let a = try EntityFixtures.analyze("Historians compared it to the \(name) in their new report.")
    #expect(a.mentions.contains { a.document.text(from: $0.start, to: $0.end) == name && $0.kind == .event })
  }

  @Test func eventNamedByItsDateJoinsTheEventOfThatDay() throws {
    let a = try EntityFixtures.analyze(
      "On March 3, 2024, rebel forces launched Operation Northern Gale against the border posts.\n\n"
        + "Months later, survivors of the March 3 attack still waited for help.")
    let events = a.entities.values.filter { $0.kind == .event }
    #expect(events.count == 1)
    #expect(events.first?.aliases.contains("Operation Northern Gale") == true)
  }
}
