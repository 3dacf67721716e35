//! Property tests of the query parser: it never panics and always gives a query.

use proptest::prelude::*;
use shegong_search::parse_query;

proptest! {
    #[test]
    fn queries_never_panic(s in any::<String>()) {
        let _ = parse_query(&s);
    }
}
