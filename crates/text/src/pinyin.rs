//! Pinyin annotations: some reposts (often Traditional) follow characters with their reading in
//! brackets, `構(gòu)建`, `濱海新區(qū)泰達街道`, `標(biāo)桿社工站`. The annotations break every word,
//! name and cue they sit in, so extraction and the index read the text without them.

/// Letters of Hanyu Pinyin with tone marks (and ü).
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

/// Is `s` one pinyin syllable or a few, letters only, at least one with a tone mark or ü?
fn is_pinyin(s: &str) -> bool {
    let letters = s.chars().filter(|c| !c.is_whitespace());
    let mut toned = false;
    for c in letters {
        if TONED.contains(c) {
            toned = true;
        } else if !c.is_ascii_lowercase() {
            return false;
        }
    }
    toned && s.chars().count() <= 12
}

/// The text without bracketed pinyin right after a CJK character.
pub fn without_pinyin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['(', '（']) {
        let before = &rest[..open];
        out.push_str(before);
        let after_open = &rest[open..];
        let bracket_len = after_open.chars().next().map_or(1, char::len_utf8);
        let inner_start = open + bracket_len;
        let close = rest[inner_start..]
            .find([')', '）'])
            .map(|c| inner_start + c);
        let follows_cjk = out.chars().last().is_some_and(crate::is_cjk);
        match close {
            Some(close) if follows_cjk && is_pinyin(&rest[inner_start..close]) => {
                let close_len = rest[close..].chars().next().map_or(1, char::len_utf8);
                rest = &rest[close + close_len..];
            }
            _ => {
                out.push_str(&rest[open..inner_start]);
                rest = &rest[inner_start..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_after_characters_is_dropped() {
        assert_eq!(
            without_pinyin("天津:構(gòu)建“街道”濱海新區(qū)泰達街道"),
            "天津:構建“街道”濱海新區泰達街道"
        );
        assert_eq!(without_pinyin("龍門(mén)街道"), "龍門街道");
        assert_eq!(without_pinyin("社區(qū)服務(wù)中心"), "社區服務中心");
        assert_eq!(without_pinyin("鎮(zhèn)長"), "鎮長");
        assert_eq!(
            without_pinyin("(資料圖片)社工(SW)小組(ab)"),
            "(資料圖片)社工(SW)小組(ab)"
        );
    }

    #[test]
    fn other_brackets_stay() {
        for text in [
            "社会工作服务中心（简称社工中心）",
            "大龐路(南北七號路)",
            "（记者 王薇）",
            "App(soft)",
            "乡镇(街道)",
            "未闭合(gòu",
        ] {
            assert_eq!(without_pinyin(text), text);
        }
    }
}
