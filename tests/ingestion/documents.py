"""Articles written for the tests (not taken from any corpus)."""

HARBOUR_ARTICLE = """Storm floods harbour town after 12 boats sink

3rd Monday, March 2025 - 08:15 UTC Full article

Mayor Ingrid Halvorsen said the damage was "severe"

Mayor Ingrid Halvorsen of Tromsø said on Monday that at least 12 fishing boats had sunk in the harbour overnight.

"We have never seen water this high in the harbour," Halvorsen told reporters. "About 300 homes have no power tonight."

The Norwegian Coast Guard said more than 40 people were evacuated from the waterfront.
"""

BRIDGE_ARTICLE_JSON = {
    "title": "Bridge reopens after repairs",
    "body": "The city's main bridge reopened on Friday.\n\nEngineer Tomasz Wojcik said 3 lanes were open again.",
    "published_at": "2025-04-11T09:30:00Z",
    "source": "Harbour Gazette",
    "url": "https://example.org/bridge-reopens",
}
