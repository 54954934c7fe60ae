// Package plots draws publication-quality figures for the analysis of a
// contract ledger, such as the i-SOON (Sichuan Anxun) ledger of 32
// contracts between i-SOON, intermediary signatories and end-user bureaus.
//
// There is one function per figure: ContractsByCategory and
// ContractsBySortedCategory, ProvinceTileMap, Timeline, LorenzCurves,
// LayeredNetwork and NetworkGraph (both draw a Graph), CentralityRanking,
// DegreeCCDF, NullDistributions, SensitivityCurves,
// CentralizationOverTime and ClaimsChart. Each returns a *Figure of
// gonum/plot panels with a title and a mandatory source line, which
// writes SVG, PNG or PDF (Figure.WriteTo, Figure.Encode, Figure.Save). Callers convert their data
// to the plain types of this package; plots imports no other ecosys
// package but internal/numfmt, whose rules for numbers people read it
// shares with the tables.
//
// All figures share one theme: the colour-blind-safe Okabe–Ito palette
// (OkabeIto, DataColor) and a node shape per kind, so that they read in
// greyscale; Liberation Sans (embedded in gonum/plot) at TitleSize,
// LabelSize, TickSize and SourceSize; the widths SingleColumn and
// DoubleColumn. The same input gives byte-identical SVG, PNG and PDF.
//
// Labels are English by default. With Options.Lang LangZH or LangBoth and
// a CJK font (Options.FontPath, or one found by FindCJKFont), the Chinese
// labels given by the caller are drawn ("English / 中文", or English over
// Chinese where that fits better). Without a usable CJK font, or where it
// has no glyph for a character, the figure is drawn in English and
// Figure.Warnings says so; a font file that cannot be parsed is an error.
// SVG names its fonts, with common fallbacks, and does not embed them.
// PDF draws the text that its Windows-1252 fonts cannot encode, Chinese
// included, as glyph outlines.
package plots
