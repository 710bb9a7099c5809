@testable import StrataServer
import Testing

@Suite("Accept negotiation")
struct MediaTypeNegotiationTests {
    @Test("an absent or empty Accept header chooses application/graphql-response+json", arguments: [
        nil, "", "  ",
    ] as [String?])
    func defaults(_ accept: String?) {
        #expect(ResponseMediaType.negotiate(accept: accept) == .graphQLResponseJSON)
    }

    @Test("a wildcard that both types match equally chooses application/json", arguments: [
        "*/*", "application/*", "*/*;q=0.8", "text/html, */*;q=0.5", "application/*, */*",
    ])
    func wildcards(_ accept: String) {
        #expect(ResponseMediaType.negotiate(accept: accept) == .json)
    }

    @Test("application/graphql-response+json wins a tie only where it is named")
    func namedTies() {
        #expect(ResponseMediaType.negotiate(accept: "application/graphql-response+json, */*") == .graphQLResponseJSON)
        #expect(ResponseMediaType.negotiate(accept: "application/graphql-response+json, application/json") == .graphQLResponseJSON)
        #expect(ResponseMediaType.negotiate(accept: "application/json, */*") == .json)
        #expect(ResponseMediaType.negotiate(accept: "*/*, application/json;q=0.5") == .graphQLResponseJSON)
    }

    @Test("quality values decide between the two JSON types")
    func qualities() {
        #expect(ResponseMediaType.negotiate(accept: "application/json") == .json)
        #expect(ResponseMediaType.negotiate(accept: "application/json, application/graphql-response+json") == .graphQLResponseJSON)
        #expect(ResponseMediaType.negotiate(accept: "application/json;q=1, application/graphql-response+json;q=0.2") == .json)
        #expect(ResponseMediaType.negotiate(accept: "application/*;q=0.3, application/json;q=0.2") == .graphQLResponseJSON)
        #expect(ResponseMediaType.negotiate(accept: "*/*, application/graphql-response+json;q=0") == .json)
    }

    @Test("a charset other than utf-8 makes a range unacceptable")
    func charset() {
        #expect(ResponseMediaType.negotiate(accept: "application/json; charset=utf-8") == .json)
        #expect(ResponseMediaType.negotiate(accept: "application/json; charset=iso-8859-1") == nil)
    }

    @Test("nothing acceptable gives nil (406)", arguments: ["text/html", "image/*", "application/xml;q=1", "application/json;q=0"])
    func unacceptable(_ accept: String) {
        #expect(ResponseMediaType.negotiate(accept: accept) == nil)
    }
}
