//! Marking words in text: what the result snippets highlight and what the article view marks
//! as people, places, numbers. Needles are matched on the folded text, so `培训` marks `培訓`
//! in Traditional text, and the pieces keep the original script.

use shegong_text::fold;

/// Where needles occur in `folded` text: for each char, the kind of the needle covering it.
/// Longer needles are placed first and a later needle never overlaps an earlier one. Also
/// returns every placed occurrence as (start char, needle index).
pub(crate) fn place<K: Copy>(
    folded: &[char],
    needles: &[(Vec<char>, K)],
) -> (Vec<Option<K>>, Vec<(usize, usize)>) {
    let mut order: Vec<usize> = (0..needles.len()).collect();
    shegong_text::sort::sort_by(&mut order, |&a, &b| {
        needles[b].0.len().cmp(&needles[a].0.len()).then(a.cmp(&b))
    });
    let mut kinds: Vec<Option<K>> = vec![None; folded.len()];
    let mut hits = Vec::new();
    for ni in order {
        let (n, k) = &needles[ni];
        if n.is_empty() || n.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - n.len() {
            let span = start..start + n.len();
            if folded[span.clone()] == n[..] && kinds[span.clone()].iter().all(Option::is_none) {
                kinds[span].iter_mut().for_each(|x| *x = Some(*k));
                hits.push((start, ni));
            }
        }
    }
    (kinds, hits)
}

/// Group `chars[range]` into runs of the same kind. Line breaks become spaces when `one_line`.
pub(crate) fn runs<K: Copy + PartialEq>(
    chars: &[char],
    kinds: &[Option<K>],
    range: std::ops::Range<usize>,
    one_line: bool,
) -> Vec<(String, Option<K>)> {
    let mut out: Vec<(String, Option<K>)> = Vec::new();
    for i in range {
        let c = if one_line && chars[i] == '\n' {
            ' '
        } else {
            chars[i]
        };
        match out.last_mut() {
            Some((s, k)) if *k == kinds[i] => s.push(c),
            _ => out.push((c.to_string(), kinds[i])),
        }
    }
    out
}

/// `text` in pieces, each either plain (`None`) or one of the `needles` (its kind): needles
/// are matched on the folded text, longest first, never overlapping.
pub fn highlight<K: Copy + PartialEq>(
    text: &str,
    needles: &[(&str, K)],
) -> Vec<(String, Option<K>)> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = fold(text).chars().collect();
    let needles: Vec<(Vec<char>, K)> = needles
        .iter()
        .map(|(n, k)| (fold(n).chars().collect(), *k))
        .collect();
    let (kinds, _) = place(&folded, &needles);
    runs(&chars, &kinds, 0..chars.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_and_never_overlapping() {
        let got = highlight(
            "王萍花说社工站站长",
            &[("社工站", 1), ("站长", 2), ("王萍花", 3)],
        );
        assert_eq!(
            got,
            [
                ("王萍花".to_owned(), Some(3)),
                ("说".to_owned(), None),
                ("社工站".to_owned(), Some(1)),
                ("站长".to_owned(), Some(2)),
            ]
        );
        let got = highlight("社工站站长", &[("站", 1), ("社工站", 2)]);
        assert_eq!(got[0], ("社工站".to_owned(), Some(2)));
        assert_eq!(got[1], ("站".to_owned(), Some(1)));
    }

    #[test]
    fn matches_across_scripts_and_keeps_the_original() {
        let got = highlight("舉辦培訓班", &[("培训", ())]);
        assert_eq!(
            got,
            [
                ("舉辦".to_owned(), None),
                ("培訓".to_owned(), Some(())),
                ("班".to_owned(), None)
            ]
        );
    }
}
