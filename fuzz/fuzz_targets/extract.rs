//! The whole extraction of one document: `document_from_text`, then `extract::extract` with the
//! French pack, every span checked (char boundaries, within the body, line/column).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| crosscheck_fuzz::fuzz_extract(data));
