//! The dateline that opens much Chinese news: `新华社杭州3月12日电（记者李平）`,
//! `人民网北京10月29日电`, `本报讯（通讯员 甲 乙）`, `本报南京讯`, `中国网·滨海高新讯`. Its place is
//! where the reporter filed from (a provincial capital for an article about the whole province),
//! not where the event took place, so the lead's first place is read after it.

use shegong_text::is_cjk;

/// How far into the lead a dateline may end (chars).
const MAX_LEN: usize = 40;

/// The char offset in `lead` where the dateline and the credit after it end; 0 without one.
pub fn end(lead: &str) -> usize {
    let chars: Vec<char> = lead.chars().take(MAX_LEN + 30).collect();
    let Some(mut at) = dated(&chars).or_else(|| report(&chars)) else {
        return 0;
    };
    // A credit in brackets right after it: （记者李平）, (通讯员 甲 乙).
    while chars.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    if matches!(chars.get(at), Some('(' | '（')) {
        if let Some(close) = chars[at..].iter().position(|&c| c == ')' || c == '）') {
            at += close + 1;
        }
    }
    at
}

/// `…X月X日电`: the end of `电`.
fn dated(chars: &[char]) -> Option<usize> {
    let limit = chars.len().min(MAX_LEN);
    (2..limit).find_map(|i| {
        if chars[i] != '电' || chars[i - 1] != '日' {
            return None;
        }
        // Digits (or Chinese numerals) of the day, then 月.
        let mut j = i - 1;
        while j > 0 && is_numeral(chars[j - 1]) {
            j -= 1;
        }
        (j < i - 1 && j > 0 && chars[j - 1] == '月').then_some(i + 1)
    })
}

/// `本报讯`, `本报南京讯`, `XX网讯`: the end of `讯` where a news outlet names itself before it.
fn report(chars: &[char]) -> Option<usize> {
    let limit = chars.len().min(MAX_LEN);
    let i = (1..limit).find(|&i| chars[i] == '讯' || chars[i] == '訊')?;
    // The outlet, written in Chinese (with a middle dot), right before.
    let outlet = chars[..i]
        .iter()
        .all(|&c| is_cjk(c) || c == '·' || c == ' ');
    let names_outlet = ['报', '報', '网', '網', '社', '台', '刊']
        .iter()
        .any(|c| chars[..i].contains(c));
    // `通讯员` and `资讯` are not datelines.
    let word = chars[i - 1] == '通' || chars.get(i + 1) == Some(&'员');
    (outlet && names_outlet && !word).then_some(i + 1)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(lead: &str) -> String {
        lead.chars().skip(end(lead)).collect()
    }

    #[test]
    fn agency_datelines_and_their_credit() {
        assert_eq!(
            rest("新华社杭州3月12日电(记者李平)记者从12日召开的会议上了解到"),
            "记者从12日召开的会议上了解到"
        );
        assert_eq!(
            rest("新华社南宁10月29日电（记者林凡诗）记者从广西壮族自治区民政厅获悉"),
            "记者从广西壮族自治区民政厅获悉"
        );
        assert_eq!(rest("人民网北京十月二十九日电 今年以来"), "今年以来");
    }

    #[test]
    fn newspaper_reports() {
        assert_eq!(
            rest("本报讯（通讯员 甲 乙）近日，某街道开展活动"),
            "近日，某街道开展活动"
        );
        assert_eq!(rest("本报南京讯 昨天"), "昨天");
        assert_eq!(
            rest("中國網·濱海高新訊昨日,天津市河西區馬場街千餘居民歡聚一堂"),
            "昨日,天津市河西區馬場街千餘居民歡聚一堂"
        );
    }

    #[test]
    fn no_dateline() {
        for lead in [
            "9月20日，上海市嘉定区江桥镇海波路",
            "社工站通讯员王某介绍",
            "6月4日,濮阳县梁庄镇社会工作服务站揭牌",
        ] {
            assert_eq!(end(lead), 0, "{lead}");
        }
    }
}
