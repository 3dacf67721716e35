//! Property tests: reading and extracting a page never panics, and spans stay inside the page;
//! the pieces include dates, stamps, datelines, pinyin annotations and place names.

use proptest::prelude::*;
use shegong_extract::process_page;

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
        Just("3月16日".to_owned()),
        Just("2021-03-17 11:37:47".to_owned()),
        Just("31/3/2025".to_owned()),
        Just("113年9月13日".to_owned()),
        Just("21日，".to_owned()),
        Just("昨".to_owned()),
        Just("新华社杭州3月12日电".to_owned()),
        Just("。新华社记者许畅摄".to_owned()),
        Just("構(gòu)建".to_owned()),
        Just("公安县城区街道".to_owned()),
        Just("---\n".to_owned()),
        "[\\u{4e00}-\\u{9fff}]{1,12}",
        "[a-zA-Z0-9 .:-]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn pages_never_panic_and_spans_stay_inside(s in pagelike()) {
        for a in process_page("p.txt", &s) {
            prop_assert!(a.span.start <= a.span.end && a.span.end <= s.len());
            prop_assert!(s.is_char_boundary(a.span.start) && s.is_char_boundary(a.span.end));
        }
    }
}
