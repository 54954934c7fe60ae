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
// The package imports only the standard library. Parsing the tables into
// typed values is the job of package network, which reads any io.Reader;
// this package only hands out the bytes and their provenance.
package datasets
