// Package datasets embeds the curated, cited data sets of ecosys and a thin
// loader for them.
//
// The default data set is the contract ledger of Sichuan Anxun (i-SOON,
// 四川安洵): 32 contracts signed about 2016-2018, as reproduced in Figure 2
// of
//
//	GOTO Yohei and SETO Takashi, "The Chinese Ministry of Public Security as
//	an External Influence Agency: Recent Covert Operations and Their Internal
//	Logic as Traced through Open-Source Analysis", NIDS Commentary No. 371,
//	National Institute for Defense Studies, Tokyo, 25 April 2025, Figure 2.
//
// It comes as three UTF-8 CSV tables described by a Frictionless Data Package
// (datapackage.json, https://specs.frictionlessdata.io/data-package/):
//
//   - isoon-ledger: one row per contract, every cell as printed in the
//     figure and normalised beside it (client type code, party ids,
//     signing date as an interval with a precision, exact amount in CNY,
//     English glosses);
//   - isoon-entities: one row per party (contractor, signatory, end user)
//     with its kind, ministry, administrative level and place;
//   - isoon-notes: every transcription decision, referenced from the
//     ledger's notes column.
//
// The case data set (described in CASES.md) records what US court
// documents, Treasury designations, joint advisories and reporting on them
// say about the wider ecosystem: the cases (cases), the organizations and
// people they name (organizations, people), the charges, outcome and
// whereabouts of each defendant (defendants), the cited relations between
// them with their corroborating sources, an Admiralty reliability grade and
// an allegation flag (relations), aggregate claims that are not edges
// (case-claims), the state hierarchy up to the ministries (hierarchy), the
// 31 province-level units (provinces), other names of every entity
// (aliases), the security-industry group names tied to organizations
// (threat-actors), the documents cited with the original each carries
// (case-sources) and what could not be verified (case-notes). It shares one id space with the
// ledger's isoon-entities: a bureau in both is one entity.
//
// The table claims holds the built-in claims of "ecosys claims": the
// quantitative claims of the sources about the ledger and the case data,
// each with the expression that tests it (or a note saying what data
// would), in the format of package claims.
//
// The package imports only the standard library. Parsing the tables into
// typed values is the job of packages network (the ledger and its
// entities) and cases (the case data), which read any io.Reader or fs.FS;
// this package only hands out the bytes and their provenance.
package datasets
