"""Examples of answers for the schema, taken from the seed article's data (shortened to one item per list)."""

ARTICLE_LIST = {'id': 1,
 'title': 'Ukraine cuts ties with Russia after 50 deaths confirmed',
 'subtitle': "Zelensky said Russia's onslaught was “treacherous”",
 'published_at': '2022-02-24T20:04:00Z',
 'source': {'id': 3,
            'name': 'Kyiv Independent',
            'slug': 'kyiv-independent',
            'homepage_url': 'https://kyivindependent.com/',
            'updated_at': '2022-02-24T20:10:00Z'},
 'url': 'https://kyivindependent.com/ukraine-cuts-ties-with-russia',
 'language': 'en',
 'word_count': 462,
 'duplicate_of': None,
 'updated_at': '2022-02-24T20:12:31.114502Z'}

QUOTE = {'id': 16,
 'text': 'the strikes were targeting neither Ukrainian cities nor social facilities at military garrisons',
 'kind': 'indirect',
 'speaker': {'id': 11, 'name': 'Igor Konashenkov', 'slug': 'igor-konashenkov', 'type': 'PERSON'},
 'speaker_text': 'The Russian official',
 'cue': 'stressed',
 'attribution': 'role_noun',
 'confidence': 0.87,
 'start': 2991,
 'end': 3086,
 'sentence': 'The Russian official stressed the strikes were targeting neither Ukrainian cities nor social '
             'facilities at military garrisons.',
 'status': 'active',
 'verified': False,
 'verified_by': None,
 'verified_at': None,
 'updated_at': '2022-02-24T20:12:31.114502Z',
 'article': {'id': 1,
             'title': 'Ukraine cuts ties with Russia after 50 deaths confirmed',
             'published_at': '2022-02-24T20:04:00Z'}}

ENTITY = {'id': 16,
 'name': 'Kiev',
 'slug': 'kiev',
 'type': 'LOCATION',
 'aliases': [],
 'country_code': 'UA',
 'latitude': 50.4547,
 'longitude': 30.5238,
 'verified': False,
 'verified_by': None,
 'verified_at': None,
 'updated_at': '2022-02-24T20:12:31.114502Z'}

ARTICLE_ENTITY = {'id': 28,
 'name': 'Ukraine',
 'slug': 'ukraine',
 'type': 'LOCATION',
 'aliases': [],
 'mentions': [{'start': 0, 'end': 7, 'text': 'Ukraine'}]}

HISTORY_ENTRY = {'id': 21,
 'at': '2022-02-24T20:12:31.114502Z',
 'by': 'ed',
 'action': 'changed',
 'note': 'Matches the ministry briefing',
 'changes': [{'field': 'verified', 'before': False, 'after': True}]}

SOURCE = {'id': 3,
 'name': 'Kyiv Independent',
 'slug': 'kyiv-independent',
 'homepage_url': 'https://kyivindependent.com/',
 'updated_at': '2022-02-24T20:10:00Z'}
