//! Property tests: normalisation is idempotent and never panics.

use proptest::prelude::*;
use shegong_text::{clean_chars, normalize_line};

/// Text that looks like the pages: CJK, mojibake pairs, punctuation, spaces, newlines, Latin.
fn pagelike() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("社工站".to_owned()),
        Just("野".to_owned()),
        Just("冶".to_owned()),
        Just("渊据叶新闻晨报曳冤".to_owned()),
        Just("。".to_owned()),
        Just("，".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just(" ".to_owned()),
        Just("（据中新网）".to_owned()),
        Just("记者 王薇".to_owned()),
        Just("ＡＢ１２".to_owned()),
        Just("---\n".to_owned()),
        "[\\u{4e00}-\\u{9fff}]{1,12}",
        "[a-zA-Z0-9 .:-]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn normalising_a_line_twice_changes_nothing(s in pagelike()) {
        for line in clean_chars(&s).lines() {
            let once = normalize_line(line);
            prop_assert_eq!(normalize_line(&once), once.clone());
        }
    }

    #[test]
    fn cleaning_twice_changes_nothing(s in any::<String>()) {
        let once = clean_chars(&s);
        prop_assert_eq!(clean_chars(&once), once.clone());
    }
}
