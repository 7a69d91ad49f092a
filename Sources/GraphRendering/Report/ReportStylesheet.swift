/// The report's style sheet, inline in the page.
enum ReportStylesheet {
  static let source = #"""
    :root { --ink: #1f2328; --muted: #59636e; --line: #d0d7de; --bg: #f6f8fa; --accent: #0b5cad; --sel: #d1242f; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
    header.top { padding: 10px 18px 6px; border-bottom: 1px solid var(--line); background: var(--bg); }
    header.top h1 { margin: 0; font-size: 20px; font-weight: 600; }
    .brand { color: var(--accent); }
    .counts { margin: 2px 0 4px; color: var(--muted); }
    nav a { margin-right: 14px; color: var(--accent); text-decoration: none; }
    nav a:hover { text-decoration: underline; }
    main section { padding: 8px 18px 18px; border-bottom: 1px solid var(--line); }
    h2 { font-size: 17px; margin: 10px 0 6px; }
    .hint { color: var(--muted); margin: 4px 0; }
    button { font: inherit; cursor: pointer; border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 3px 10px; }
    button:hover { background: #eef3f8; }
    button.on { background: var(--accent); color: #fff; border-color: var(--accent); }
    button.link { border: none; background: none; color: var(--accent); padding: 0; text-align: left; }
    button.link:hover { text-decoration: underline; background: none; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 6px 0; }
    .toolbar > div { display: flex; gap: 4px; }
    .search { position: relative; }
    .search input { width: 300px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
    .results { position: absolute; top: 100%; left: 0; z-index: 5; margin: 2px 0 0; padding: 4px 0; list-style: none; min-width: 300px; max-height: 320px; overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.12); }
    .results li { padding: 3px 10px; cursor: pointer; }
    .results li:hover, .results li.active { background: #eef3f8; }
    .results .alias { color: var(--muted); font-size: 12px; margin-left: 6px; }
    .filters { margin: 4px 0; }
    .filters summary { cursor: pointer; color: var(--muted); }
    .filters fieldset { display: inline-block; vertical-align: top; border: 1px solid var(--line); border-radius: 6px; margin: 4px 6px 4px 0; padding: 2px 8px 6px; max-width: 100%; }
    .filters fieldset label { margin-right: 10px; white-space: nowrap; display: inline-block; }
    #filter-predicates { max-width: 760px; }
    .view-note { color: var(--muted); margin: 2px 0; min-height: 1em; }
    .workspace { display: flex; gap: 12px; align-items: stretch; }
    .diagram { flex: 1 1 auto; height: 68vh; min-height: 380px; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; background: #fff; touch-action: none; cursor: grab; position: relative; }
    .diagram.dragging { cursor: grabbing; }
    .diagram svg, .who-diagram svg { width: 100%; height: 100%; display: block; user-select: none; }
    .who-diagram { height: 60vh; min-height: 320px; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; margin-top: 10px; touch-action: none; cursor: grab; }
    .panel { flex: 0 0 380px; height: 68vh; min-height: 380px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; background: var(--bg); }
    .panel h3 { margin: 2px 0 4px; font-size: 17px; word-break: break-word; }
    .panel h4 { margin: 12px 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    .panel ul { margin: 0; padding-left: 18px; }
    .panel li { margin: 3px 0; }
    .panel dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0; }
    .panel dt { color: var(--muted); }
    .panel dd { margin: 0; word-break: break-word; }
    .kind { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; border: 1px solid; }
    .snippet { color: #333; background: #fff; border-left: 3px solid var(--line); padding: 2px 6px; margin: 2px 0; word-break: break-word; }
    .src { color: var(--muted); font-size: 12px; }
    mark { background: #ffe58a; padding: 0 1px; border-radius: 2px; }
    g.node, g.edge { cursor: pointer; }
    svg.dimmed g.node:not(.hl), svg.dimmed g.edge:not(.hl) { opacity: .12; }
    g.node.sel polygon, g.node.sel ellipse, g.node.sel path { stroke: var(--sel); stroke-width: 3px; }
    g.node.hl:not(.sel) polygon, g.node.hl:not(.sel) ellipse, g.node.hl:not(.sel) path { stroke-width: 2px; }
    g.edge.hl path { stroke: var(--sel); stroke-width: 2px; }
    g.edge.sel path { stroke: var(--sel); stroke-width: 3.5px; }
    .hidden { display: none; }
    .legend { margin: 8px 0; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; color: var(--muted); }
    .legend .swatch { display: inline-block; width: 14px; height: 14px; border: 2px solid; border-radius: 3px; vertical-align: -2px; margin-right: 4px; }
    .legend .dash { display: inline-block; width: 26px; border-top: 2px dashed #9e9e9e; vertical-align: 3px; margin-right: 4px; }
    .table-wrap { overflow: auto; max-height: 70vh; }
    table.grid { border-collapse: collapse; font-size: 13px; }
    table.grid th, table.grid td { border: 1px solid var(--line); padding: 2px 6px; text-align: right; }
    table.grid th { background: var(--bg); position: sticky; top: 0; cursor: pointer; white-space: nowrap; }
    table.grid th.sorted::after { content: " ▾"; }
    table.grid th.sorted.asc::after { content: " ▴"; }
    table.grid th:first-child, table.grid td:first-child { text-align: left; position: sticky; left: 0; background: #fff; }
    table.grid th:first-child { background: var(--bg); z-index: 2; }
    table.grid td.c button { border: none; background: none; color: var(--accent); padding: 0 4px; font-weight: 600; }
    table.grid td.c.picked { background: #ffe58a; }
    table.docs td, table.docs th { text-align: left; }
    table.docs td.hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
    .cell-quotes { margin-top: 8px; }
    .quote { border-left: 3px solid var(--accent); background: var(--bg); padding: 4px 8px; margin: 6px 0; word-break: break-word; }
    details.speaker { margin: 4px 0; }
    details.speaker summary { cursor: pointer; }
    .doc-text { white-space: pre-wrap; word-break: break-word; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; max-height: 70vh; overflow: auto; line-height: 1.7; margin-top: 6px; }
    .doc-text .m { border-radius: 3px; padding: 1px 2px; cursor: pointer; border-bottom: 2px solid; }
    .doc-text .q { background: #f1f6ff; box-shadow: inset 0 -1px 0 #7aa2d8; }
    .doc-text .qs { font-size: 11px; color: #fff; background: var(--accent); border-radius: 8px; padding: 0 6px; margin-right: 3px; white-space: nowrap; cursor: pointer; }
    .doc-text .m.picked { outline: 2px solid var(--sel); }
    code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
    @media (max-width: 900px) { .workspace { flex-direction: column; } .panel { flex-basis: auto; } }

    """#
}
