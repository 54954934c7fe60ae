// Package plots draws publication-quality figures for the analysis of a
// contract ledger, such as the i-SOON (Sichuan Anxun) ledger of 32
// contracts between i-SOON, intermediary signatories and end-user bureaus.
//
// # Figures
//
// One exported function per figure; each returns a *Figure that holds
// gonum/plot panels, a title and a mandatory source line, and that writes
// SVG, PNG or PDF (Figure.WriteTo, Figure.Encode, Figure.Save):
//
//   - ContractsByCategory: the number and the CNY amount of contracts per
//     category (client type, ministry, administrative level) as two
//     aligned horizontal bar panels; ContractsBySortedCategory sorts them
//     by amount (provinces).
//   - ProvinceTileMap: a tile-grid map of the 31 province-level units
//     (ProvinceTiles, LookupProvince) shaded on a sequential scale
//     (SequentialColor), with empty tiles for units without data.
//   - Timeline: date against amount, one colour and shape per group;
//     month-only and year-only dates are intervals, exact days points.
//   - LorenzCurves: Lorenz curves with their Gini coefficients.
//   - LayeredNetwork: a layered network (contractor, signatories, end
//     users). NetworkGraph: any typed network, force-directed or layered,
//     node size by a centrality, colour and shape by kind, line style by
//     edge kind, arrowheads. Both draw a Graph (GraphNode, GraphEdge).
//   - CentralityRanking: the top k parties on several measures (RankParties).
//   - DegreeCCDF: complementary CDFs of degrees (CCDF) on log–log axes.
//   - NullDistributions: histograms of null samples (Bins) with the
//     observed value and p-values.
//   - SensitivityCurves: a statistic against the share of data removed,
//     mean and band.
//   - CentralizationOverTime: yearly and cumulative snapshots.
//
// Callers convert their data to the plain types of this package; plots
// imports no other ecosys package (the report package does the joining).
//
// # Theme
//
// All figures share one theme (theme.go): the colour-blind-safe Okabe–Ito
// palette (OkabeIto, DataColor), plus a distinct node shape per kind so
// that networks read in greyscale; Liberation Sans (embedded in gonum/plot,
// so output does not depend on the machine) at 10 pt for titles, 8 pt for
// labels, 7 pt for ticks and 6.5 pt for the source line; sizes for a single
// column (SingleColumn, 8.5 cm) and a double column (DoubleColumn,
// 17.5 cm). Output is deterministic: the same input gives byte-identical
// SVG, PNG and PDF (whose timestamps are pinned).
//
// # Fonts and Chinese labels
//
// Labels are English by default. With Options.Lang LangZH or LangBoth and a
// CJK font (Options.FontPath, or one found by FindCJKFont), the Chinese
// labels given by the caller are drawn ("English / 中文", or English over
// Chinese where that fits better). Without a usable CJK font, or when the
// font has no glyph for a character, the figure falls back to English and
// says so in Figure.Warnings: missing-glyph boxes are never drawn. A font
// file that cannot be parsed is an error naming the file. Fonts with
// unaligned tables (WenQuanYi Micro Hei and Zen Hei) are repaired in
// memory, since golang.org/x/image/font/sfnt rejects them.
//
// PNG text is kerned by this package (see kern.go): vgimg's own kerning,
// from golang.org/x/image/font/opentype, is scaled wrongly
// (golang/go#46727) and pulls pairs such as "Te" together far too much at
// small sizes and low resolutions.
//
// SVG output names its fonts (font-family) with a list of common
// fallbacks and does not embed them: a CJK font is 5–20 MB, which would be
// copied into every file; any viewer with a CJK font draws the text. PDF
// output cannot show Chinese (gonum's vgpdf encodes text as
// Windows-1252), so a Chinese figure is written to PDF in English, with a
// warning.
package plots
