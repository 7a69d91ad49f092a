/// The fixed markup of the report's body; the script fills it from the JSON data.
///
/// Every argument is already HTML-escaped by the caller; nothing else here comes from an article.
enum ReportPage {
  static func body(title: String, tool: String, command: String, counts: String, whoMentionedSVG: String) -> String {
    """
    <header class="top">
    <h1><span class="brand">EntityGraph</span> <span id="report-title">\(title)</span></h1>
    <p class="counts" id="counts">\(counts)</p>
    <nav><a href="#explore">Diagram</a> <a href="#who">Who mentioned which country</a> <a href="#quotes">Quotes</a> <a href="#texts">Documents</a> <a href="#about">About</a></nav>
    </header>
    <main>
    <section id="explore" aria-label="Diagram">
    <div class="toolbar">
    <div class="search"><input id="search" type="search" placeholder="Search names and aliases" autocomplete="off" aria-label="Search names and aliases"><ol id="search-results" class="results" hidden></ol></div>
    <div class="views" id="view-buttons" role="group" aria-label="Views"></div>
    <div class="zoom" role="group" aria-label="Zoom"><button type="button" id="zoom-in" title="Zoom in">+</button><button type="button" id="zoom-out" title="Zoom out">−</button><button type="button" id="zoom-fit" title="Fit the diagram">Fit</button><button type="button" id="clear-selection" title="Clear the selection">Clear</button></div>
    </div>
    <details class="filters" id="filters">
    <summary>Filters</summary>
    <fieldset id="filter-kinds"><legend>Kinds</legend></fieldset>
    <fieldset id="filter-predicates"><legend>Relations</legend></fieldset>
    <fieldset class="narrow"><legend>Document</legend><select id="filter-document" aria-label="Document"><option value="">All documents</option></select></fieldset>
    <fieldset class="narrow"><legend>Minimum confidence <output id="min-confidence-value">0.00</output></legend><input id="min-confidence" type="range" min="0" max="1" step="0.05" value="0" aria-label="Minimum confidence"></fieldset>
    </details>
    <p class="view-note" id="view-note"></p>
    <div class="workspace">
    <div class="diagram" id="diagram" tabindex="0" aria-label="Diagram: drag to pan, wheel to zoom, click a node or an edge"></div>
    <aside class="panel" id="panel" aria-live="polite"><p class="hint">Click a node or an edge, search a name, or click a name in a text.</p></aside>
    </div>
    <div class="legend" id="legend" aria-label="Legend"></div>
    </section>
    <section id="who">
    <h2>Who mentioned which country</h2>
    <p class="hint">Mentions of each country in words attributed to each speaker. Click a column heading to sort, a count to read the quotes.</p>
    <div class="table-wrap" id="who-table"></div>
    <div class="cell-quotes" id="who-quotes" aria-live="polite"></div>
    <div class="who-diagram" id="who-diagram">\(whoMentionedSVG)</div>
    </section>
    <section id="quotes">
    <h2>Quotes by speaker</h2>
    <div id="quote-list"></div>
    </section>
    <section id="texts">
    <h2>Documents</h2>
    <p class="hint" id="text-hint"></p>
    <div class="doc-picker"><select id="document-select" aria-label="Document to read"></select></div>
    <div class="doc-text" id="document-text"></div>
    </section>
    <section id="about">
    <h2>About this report</h2>
    <div class="legend" id="legend-about"></div>
    <div class="table-wrap" id="document-table"></div>
    <p>Made by <code id="tool-version">\(tool)</code> with <code id="command-line">\(command)</code>.</p>
    <p class="hint">One self-contained file: it loads nothing from the network.</p>
    </section>
    </main>

    """
  }
}
