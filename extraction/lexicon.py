"""Word lists the rules use: general English and news vocabulary, not fitted to any article.

Each list is defined once, sorted; add words where they belong.
"""


# Words that open a capitalised run but are no part of a name: titles, ranks, offices, roles.
TITLES = {
    'acting', 'activist', 'actor', 'actress', 'administrator', 'admiral', 'adviser', 'advisor', 'aide',
    'ambassador', 'analyst', 'archbishop', 'artist', 'astronaut', 'athlete', 'attorney', 'author', 'banker',
    'barrister', 'bishop', 'boxer', 'campaigner', 'capt', 'captain', 'cardinal', 'ceo', 'cfo', 'chair', 'chairman',
    'chairwoman', 'chancellor', 'chef', 'chief', 'cleric', 'co-author', 'coach', 'coauthor', 'col', 'colonel',
    'commander', 'commissioner', 'congressman', 'congresswoman', 'correspondent', 'councillor', 'councilman',
    'crown', 'dame', 'dean', 'defence', 'defender', 'defense', 'deputy', 'director', 'doctor', 'dr', 'driver',
    'economist', 'editor', 'education', 'emir', 'emperor', 'engineer', 'entrepreneur', 'envoy', 'epidemiologist',
    'executive', 'farmer', 'finance', 'fisherman', 'foreign', 'former', 'founder', 'gen', 'general', 'goalkeeper',
    'gov', 'governor', 'head', 'health', 'historian', 'home', 'imam', 'interior', 'investor', 'journalist', 'judge',
    'justice', 'king', 'lady', 'late', 'lawmaker', 'lawyer', 'leader', 'lecturer', 'lord', 'lt', 'maj', 'major',
    'manager', 'mayor', 'midfielder', 'miner', 'minister', 'miss', 'monk', 'mp', 'mr', 'mrs', 'ms', 'novelist',
    'nun', 'nurse', 'officer', 'official', 'pastor', 'photographer', 'physician', 'pilot', 'player', 'poet', 'pope',
    'premier', 'president', 'priest', 'prime', 'prince', 'princess', 'prof', 'professor', 'queen', 'rabbi',
    'rector', 'referee', 'rep', 'reporter', 'representative', 'researcher', 'resident', 'runner', 'scientist',
    'secretary', 'sen', 'senator', 'sergeant', 'sgt', 'shadow', 'sheikh', 'shopkeeper', 'singer', 'sir', 'soldier',
    'solicitor', 'speaker', 'spokesman', 'spokesperson', 'spokeswoman', 'st', 'striker', 'student', 'sultan',
    'surgeon', 'teacher', 'trader', 'vice', 'virologist', 'volunteer', 'witness', 'worker',
}

# Titles and roles that mark the following name as a person's.
PERSON_TITLES = {
    'activist', 'actor', 'actress', 'administrator', 'admiral', 'adviser', 'advisor', 'aide', 'ambassador',
    'analyst', 'archbishop', 'artist', 'astronaut', 'athlete', 'author', 'banker', 'barrister', 'bishop', 'boxer',
    'campaigner', 'capt', 'captain', 'cardinal', 'ceo', 'chairman', 'chairwoman', 'chancellor', 'chef', 'chief',
    'cleric', 'co-author', 'coach', 'coauthor', 'col', 'colonel', 'commander', 'commissioner', 'congressman',
    'congresswoman', 'dame', 'dean', 'defender', 'deputy', 'director', 'doctor', 'dr', 'driver', 'economist',
    'editor', 'emir', 'emperor', 'engineer', 'entrepreneur', 'epidemiologist', 'executive', 'farmer', 'fisherman',
    'founder', 'gen', 'general', 'goalkeeper', 'gov', 'governor', 'head', 'historian', 'imam', 'investor',
    'journalist', 'judge', 'king', 'lady', 'lawmaker', 'lawyer', 'leader', 'lecturer', 'lord', 'lt', 'maj', 'major',
    'manager', 'mayor', 'midfielder', 'miner', 'minister', 'miss', 'monk', 'mr', 'mrs', 'ms', 'novelist', 'nun',
    'nurse', 'officer', 'official', 'pastor', 'photographer', 'physician', 'pilot', 'player', 'poet', 'pope',
    'premier', 'president', 'priest', 'prime', 'prince', 'princess', 'prof', 'professor', 'queen', 'rabbi',
    'referee', 'rep', 'researcher', 'resident', 'runner', 'scientist', 'secretary', 'sen', 'senator', 'sgt',
    'sheikh', 'shopkeeper', 'singer', 'sir', 'soldier', 'solicitor', 'speaker', 'spokesman', 'spokesperson',
    'spokeswoman', 'striker', 'student', 'sultan', 'surgeon', 'teacher', 'trader', 'virologist', 'volunteer',
    'witness', 'worker',
}

# Occupations used like titles before a name: "farmer Tomas Rivera", "Engineer Maria Okafor".
OCCUPATIONS = {
    'activist', 'actor', 'actress', 'artist', 'athlete', 'banker', 'barrister', 'boxer', 'campaigner', 'chef',
    'co-author', 'coauthor', 'driver', 'engineer', 'entrepreneur', 'epidemiologist', 'farmer', 'fisherman',
    'historian', 'investor', 'journalist', 'lawyer', 'lecturer', 'miner', 'monk', 'novelist', 'nun', 'nurse',
    'pastor', 'photographer', 'pilot', 'player', 'poet', 'priest', 'resident', 'runner', 'shopkeeper', 'singer',
    'soldier', 'solicitor', 'student', 'surgeon', 'teacher', 'trader', 'virologist', 'volunteer', 'witness',
    'worker',
}

# Titles that tell a woman (for resolving "she").
FEMALE_TITLES = {
    'chairwoman', 'congresswoman', 'dame', 'lady', 'miss', 'mrs', 'ms', 'princess', 'queen', 'spokeswoman',
}

# Titles that tell a man (for resolving "he").
MALE_TITLES = {
    'chairman', 'congressman', 'king', 'lord', 'mr', 'prince', 'sir', 'spokesman',
}

# The last word of an organisation's name: Ministry, Council, Bank, Agency ...
ORG_HEADS = {
    'academy', 'administration', 'agency', 'airlines', 'airways', 'alliance', 'army', 'assembly', 'association',
    'authority', 'bank', 'battalion', 'board', 'brigade', 'brotherhood', 'bureau', 'cabinet', 'cartel', 'center',
    'centre', 'channel', 'clinic', 'club', 'coalition', 'college', 'command', 'commission', 'commissioner',
    'committee', 'company', 'congress', 'consortium', 'corp', 'corporation', 'corps', 'council', 'court', 'daily',
    'department', 'directorate', 'division', 'fc', 'federation', 'force', 'forces', 'foundation', 'front', 'fund',
    'gazette', 'government', 'group', 'guard', 'guardian', 'herald', 'holdings', 'hospital', 'inc', 'inspectorate',
    'institute', 'institution', 'journal', 'lab', 'laboratories', 'laboratory', 'labs', 'league', 'llc', 'ltd',
    'magazine', 'militia', 'ministry', "ministry's", 'monitor', 'movement', 'museum', 'nations', 'navy', 'network',
    'news', 'observatory', 'office', 'order', 'organisation', 'organization', 'parliament', 'party', 'plc',
    'police', 'post', 'press', 'program', 'programme', 'radio', 'regiment', 'review', 'school', 'secretariat',
    'senate', 'service', 'services', 'society', 'studios', 'taliban', 'team', 'telegraph', 'television', 'times',
    'tribunal', 'tribune', 'trust', 'tv', 'union', 'university',
}

# The last word of a place's name, buildings and sites included: Province, Airport, Mosque ...
LOCATION_HEADS = {
    'airport', 'arena', 'avenue', 'bank', 'base', 'bay', 'bridge', 'canal', 'cathedral', 'church', 'city', 'coast',
    'county', 'desert', 'district', 'field', 'governorate', 'gulf', 'harbor', 'harbour', 'heights', 'island',
    'islands', 'krai', 'lake', 'mosque', 'mountain', 'mountains', 'neighborhood', 'neighbourhood', 'oblast',
    'ocean', 'palace', 'park', 'peninsula', 'port', 'prefecture', 'province', 'region', 'republic', 'river', 'road',
    'sea', 'square', 'stadium', 'state', 'strait', 'street', 'strip', 'synagogue', 'temple', 'territory', 'tower',
    'town', 'valley', 'village',
}

# Well-known organisations with no organisation word in their name, or a name like a person's.
KNOWN_ORGANIZATIONS = {
    'ABC', 'AFP', 'Airbnb', 'Airbus', 'Al Jazeera', 'Al-Qaeda', 'al-Qaeda', 'Alibaba', 'Alphabet', 'Amazon',
    'Amnesty', 'Anthropic', 'AP', 'Apple', 'Aramco', 'ASEAN', 'AstraZeneca', 'Axios', 'Baidu', 'Barclays', 'BBC',
    'Berkshire Hathaway', 'BlackRock', 'Bloomberg', 'BNP Paribas', 'Boeing', 'BP', 'Bundestag', 'ByteDance', 'CBS',
    'Chevron', 'CIA', 'Cisco', 'Citi', 'Citigroup', 'CNN', 'Congress', 'Conservatives', 'Credit Suisse', 'Daesh',
    'Democrats', 'Doctors Without Borders', 'Duma', 'Emirates', 'ESA', 'EU', 'Europol', 'ExxonMobil', 'Facebook',
    'FBI', 'FIFA', 'Ford', 'Fox', 'Frontex', 'FSB', 'Gazprom', 'Glencore', 'Goldman Sachs', 'Google', 'Greenpeace',
    'Hamas', 'Hezbollah', 'Honda', 'HSBC', 'Huawei', 'Hyundai', 'IBM', 'IMF', 'Instagram', 'Intel', 'Interfax',
    'Interpol', 'IOC', 'ISIL', 'ISIS', 'JPMorgan', 'JPMorgan Chase', 'KCNA', 'KGB', 'Knesset', 'Kremlin', 'Kyodo',
    'Labour', 'LinkedIn', 'Lloyds', 'Lufthansa', 'Maersk', 'Mastercard', 'Medecins Sans Frontieres', 'Meta', 'MI5',
    'MI6', 'Microsoft', 'Moderna', 'Morgan Stanley', 'Mozilla', 'NASA', 'NATO', 'NBC', 'Nestle', 'Netflix',
    'Nissan', 'Nomura', 'NSA', 'Nvidia', 'OPEC', 'OpenAI', 'Oracle', 'OSCE', 'PayPal', 'Pentagon', 'Pfizer',
    'Politico', 'Qatar Airways', 'Red Crescent', 'Red Cross', 'Reddit', 'Renault', 'Republicans', 'Reuters', 'RIA',
    'Rio Tinto', 'Rosneft', 'RT', 'Ryanair', 'Samsung', 'Santander', 'Shell', 'Siemens', 'Smithsonian', 'Sony',
    'SpaceX', 'Spotify', 'Sputnik', 'Standard Chartered', 'Stellantis', 'Taliban', 'TASS', 'Telegram', 'Tencent',
    'Tesla', 'TikTok', 'Tories', 'Toyota', 'Twitter', 'Uber', 'UBS', 'UEFA', 'Ukrinform', 'UN', 'UNESCO', 'UNHCR',
    'UNICEF', 'Unilever', 'Vale', 'Vatican', 'Visa', 'Volkswagen', 'Volvo', 'Wagner', 'Walmart', 'Wells Fargo',
    'WhatsApp', 'WHO', 'Wikinews', 'Wikipedia', 'Xinhua', 'Yonhap', 'YouTube',
}

# Well-known products with no designation pattern (S-300 and TB2 are found by their pattern).
KNOWN_PRODUCTS = {
    'Android', 'Bayraktar', 'Boeing 747', 'ChatGPT', 'Chrome', 'Edge', 'Firefox', 'HIMARS', 'Internet Explorer',
    'iOS', 'iPad', 'iPhone', 'Iskander', 'Javelin', 'Kalibr', 'Kindle', 'Kinzhal', 'Linux', 'macOS', 'Opera',
    'Patriot', 'PlayStation', 'Safari', 'Starlink', 'Stinger', 'Windows', 'Xbox',
}

# Makers whose name before another capitalised word makes a product: "Google Chrome".
PRODUCT_MAKERS = {
    'Airbus', 'Apple', 'Boeing', 'Google', 'Microsoft', 'Mozilla', 'Samsung', 'Sony',
}

# Regions and features, with their ISO country code where one applies, that GeoNames' city list
# and the ISO subdivisions do not carry under their usual names.
KNOWN_REGIONS = {
    'Aceh': 'ID', 'Africa': '', 'Antarctica': '', 'Arctic': '', 'Asia': '', 'Atlantic': '', 'Balkans': '',
    'Baltic': '', 'Baltics': '', 'Bavaria': 'DE', 'Black Sea': '', 'Catalonia': 'ES', 'Caucasus': '',
    'Central Asia': '', 'Channel': '', 'Chechnya': 'RU', 'Crimea': 'UA', 'Darfur': 'SD', 'Donbas': 'UA',
    'Donbass': 'UA', 'Donetsk Oblast': 'UA', 'East Asia': '', 'England': 'GB', 'English Channel': '', 'Europe': '',
    'Gaza': 'PS', 'Gaza Strip': 'PS', 'Golan Heights': 'SY', 'Greenland': 'GL', 'Hokkaido': 'JP', 'Hong Kong': 'HK',
    'Indian Ocean': '', 'Kashmir': '', 'Kharkiv Oblast': 'UA', 'Kherson Oblast': 'UA', 'Kurdistan': '',
    'Kyiv Oblast': 'UA', 'Latin America': '', 'Lugansk Oblast': 'UA', 'Luhansk Oblast': 'UA', 'Macau': 'MO',
    'Mediterranean': '', 'Middle East': '', 'Midwest': 'US', 'Mindanao': 'PH', 'New England': 'US',
    'New South Wales': 'AU', 'North America': '', 'Northern Ireland': 'GB', 'Northern Territory': 'AU',
    'Oceania': '', 'Okinawa': 'JP', 'Pacific': '', 'Pacific Northwest': 'US', 'Persian Gulf': '', 'Punjab': '',
    'Quebec': 'CA', 'Red Sea': '', 'Sahel': '', 'Scandinavia': '', 'Scotland': 'GB', 'Siberia': 'RU', 'Sinai': 'EG',
    'South America': '', 'South Australia': 'AU', 'South China Sea': '', 'South East Asia': '',
    'Southeast Asia': '', 'Taiwan': 'TW', 'Tibet': 'CN', 'Tigray': 'ET', 'Wales': 'GB', 'West Bank': 'PS',
    'Western Australia': 'AU', 'Xinjiang': 'CN', 'Zaporizhzhia Oblast': 'UA',
}

# Other names of countries, to the name the gazetteer uses.
COUNTRY_ALIASES = {
    'America': 'United States', 'Britain': 'United Kingdom', 'Burma': 'Myanmar', 'Czechia': 'Czech Republic',
    'DPRK': 'North Korea', 'DRC': 'Democratic Republic of the Congo', 'Great Britain': 'United Kingdom',
    'Holland': 'Netherlands', 'Ivory Coast': 'Ivory Coast', 'Korea Republic': 'South Korea', 'Persia': 'Iran',
    'PRC': 'China', 'Republic of Korea': 'South Korea', 'ROK': 'South Korea', 'Russian Federation': 'Russia',
    'Türkiye': 'Turkey', 'U.K.': 'United Kingdom', 'U.S.': 'United States', 'U.S.A.': 'United States',
    'UAE': 'United Arab Emirates', 'UK': 'United Kingdom', 'United States of America': 'United States',
    'US': 'United States', 'USA': 'United States',
}

# Nationality and group words: never entities by themselves ("Ukrainian soldiers" names none).
DEMONYMS = {
    'Afghan', 'Afghans', 'African', 'Albanian', 'Algerian', 'American', 'Americans', 'Arab', 'Argentine',
    'Argentinian', 'Armenian', 'Asian', 'Australian', 'Australians', 'Austrian', 'Azerbaijani', 'Bangladeshi',
    'Belarusian', 'Belarusians', 'Belgian', 'Bosnian', 'Brazilian', 'British', 'Britons', 'Buddhist', 'Bulgarian',
    'Burmese', 'Californian', 'Canadian', 'Catholic', 'Caucasian', 'Celtic', 'Chilean', 'Chinese', 'Christian',
    'Colombian', 'Communist', 'Conservative', 'Croatian', 'Cuban', 'Czech', 'Danish', 'Democratic', 'Dutch',
    'Eastern', 'Egyptian', 'English', 'Eritrean', 'Estonian', 'Ethiopian', 'European', 'Europeans', 'Filipino',
    'Finnish', 'French', 'Georgian', 'German', 'Germans', 'Greek', 'Hindu', 'Hispanic', 'Hungarian', 'Indian',
    'Indonesian', 'Iranian', 'Iraqi', 'Iraqis', 'Irish', 'Islamic', 'Israeli', 'Israelis', 'Italian', 'Japanese',
    'Jewish', 'Jordanian', 'Kazakh', 'Kenyan', 'Korean', 'Koreans', 'Kosovan', 'Kurdish', 'Latin', 'Latvian',
    'Lebanese', 'Liberal', 'Libyan', 'Lithuanian', 'Malaysian', 'Marxist', 'Mexican', 'Moldovan', 'Moroccan',
    'Muslim', 'Nazi', 'Nepalese', 'Nigerian', 'Northern', 'Norwegian', 'Olympic', 'Orthodox', 'Pakistani',
    'Palestinian', 'Palestinians', 'Panamanian', 'Paralympic', 'Peruvian', 'Polish', 'Portuguese', 'Protestant',
    'Republican', 'Rohingya', 'Romanian', 'Russian', 'Russians', 'Saudi', 'Scandinavian', 'Scottish', 'Serbian',
    'Shia', 'Shiite', 'Sikh', 'Slovak', 'Slovenian', 'Socialist', 'Somali', 'Southern', 'Soviet', 'Spanish', 'Sri',
    'Sudanese', 'Sunni', 'Swedes', 'Swedish', 'Swiss', 'Syrian', 'Syrians', 'Tamil', 'Texan', 'Texans', 'Thai',
    'Tunisian', 'Turkish', 'Ukrainian', 'Ukrainians', 'Uzbek', 'Venezuelan', 'Vietnamese', 'Welsh', 'Western',
    'Western-backed', 'Westerners', 'Yemeni', 'Zionist',
}

# Capitalised words that open sentences or headings and name nothing.
NON_NAME_WORDS = {
    'A', 'About', 'Above', 'According', 'Accordingly', 'Across', 'Adding', 'Additional', 'Additionally',
    'Advertisement', 'After', 'Against', 'Airstrikes', 'All', 'Allegedly', 'Almost', 'Along', 'Also', 'Although',
    'Always', 'Amid', 'Among', 'An', 'Analysis', 'Analysts', 'And', 'Anonymous', 'Another', 'Any', 'Apparently',
    'Appendix', 'Approximately', 'April', 'Are', 'Around', 'Article', 'As', 'Asked', 'At', 'Attacks', 'August',
    'Authorities', 'Background', 'Be', 'Because', 'Before', 'Behind', 'Below', 'Beside', 'Besides', 'Between',
    'Beyond', 'Both', 'Breaking', 'Briefing', 'But', 'By', 'Calling', 'Can', 'Celebrating', 'Chapter', 'Children',
    'Citing', 'Civilians', 'Clashes', 'Clearly', 'Commenting', 'Concerning', 'Conclusion', 'Conference',
    'Consequently', 'Context', 'Correction', 'Could', 'Critics', 'Currently', 'Data', 'Day', 'December',
    'Describing', 'Despite', 'Detail', 'Details', 'Did', 'Do', 'Does', 'Down', 'Dozens', 'Dr', 'During', 'Each',
    'Earlier', "Editor's", 'Eight', 'Either', 'Estimates', 'Even', 'Every', 'Exclusive', 'Experts', 'Explaining',
    'February', 'Few', 'Fighting', 'Figure', 'Figures', 'Finally', 'Findings', 'First', 'Five', 'Following', 'For',
    'Four', 'Friday', 'From', 'Full', 'Further', 'Furthermore', 'Given', 'Government', 'Ground-level', 'Group',
    'Groups', 'Had', 'Has', 'Have', 'He', 'Hence', 'Her', 'Here', 'His', 'How', 'However', 'Hundreds', 'I', 'If',
    'In', 'Including', 'Indeed', 'Initially', 'Instead', 'Interview', 'Into', 'Introduction', 'Is', 'It', 'Its',
    'January', 'July', 'June', 'Just', 'Last', 'Later', 'Less', 'Let', 'Like', 'Likewise', 'Live', 'Local', 'Many',
    'March', 'May', 'Maybe', 'Meanwhile', 'Men', 'Might', 'Millions', 'Minus', 'Monday', 'More', 'Moreover', 'Most',
    'Mr', 'Mrs', 'Ms', 'Much', 'Must', 'My', 'Near', 'Nearly', 'Neither', 'Never', 'Nevertheless', 'News', 'Next',
    'Nine', 'No', 'Nonetheless', 'Nor', 'Not', 'Note', 'Notes', 'Noting', 'November', 'Now', 'Obviously', 'October',
    'Of', 'Off', 'Officials', 'Often', 'Oh', 'On', 'Once', 'One', 'Only', 'Onto', 'Opinion', 'Or', 'Other',
    'Otherwise', 'Our', 'Out', 'Over', 'Overall', 'Overview', 'Page', 'Part', 'People', 'Per', 'Perhaps', 'Photo',
    'Please', 'Plus', 'Police', 'Possibly', 'Pregnant', 'Press', 'Previously', 'Probably', 'Protesters', 'Quoting',
    'Read', 'Recently', 'Regarding', 'Related', 'Report', 'Reportedly', 'Reports', 'Research', 'Researchers',
    'Residents', 'Responding', 'Results', 'Roughly', 'Saturday', 'Saying', 'Scientists', 'Second', 'Section', 'See',
    'September', 'Seven', 'Several', 'Shall', 'She', 'Should', 'Similarly', 'Since', 'Six', 'So', 'Soldiers',
    'Some', 'Sometimes', 'Source', 'Sources', 'Speaking', 'State', 'Statement', 'Statistics', 'Still', 'Stories',
    'Story', 'Strikes', 'Studies', 'Study', 'Subsequently', 'Such', 'Summary', 'Sunday', 'Supporters', 'Table',
    'Talks', 'Ten', 'Than', 'Thank', 'Thanks', 'That', 'The', 'Their', 'Then', 'There', 'Therefore', 'These',
    'They', 'Third', 'This', 'Those', 'Though', 'Thousands', 'Three', 'Throughout', 'Thursday', 'Thus', 'Timeline',
    'To', 'Today', "Today's", 'Tomorrow', 'Tonight', 'Toward', 'Towards', 'Troops', 'Tuesday', 'Twice', 'Two',
    'Ultimately', 'Under', 'Unless', 'Unlike', 'Unnamed', 'Until', 'Up', 'Update', 'Updates', 'Upon', 'Usually',
    'Via', 'Video', 'Was', 'We', 'Wednesday', 'Week', 'Well', 'Were', 'What', 'When', 'Where', 'Whether', 'Which',
    'While', 'Who', 'Why', 'Will', 'With', 'Within', 'Without', 'Witnesses', 'Women', 'Would', 'Writing', 'Year',
    'Yes', 'Yesterday', "Yesterday's", 'Yet', 'You', 'Your',
}

# Verbs that attribute speech or writing, in the forms news uses (participles included).
SPEECH_VERBS = {
    'accused', 'accuses', 'acknowledged', 'acknowledges', 'added', 'adding', 'adds', 'admits', 'admitted', 'agreed',
    'alleged', 'alleges', 'announced', 'announces', 'announcing', 'answered', 'anticipated', 'anticipates',
    'argued', 'argues', 'arguing', 'asked', 'asserted', 'asserts', 'assured', 'believed', 'believes', 'boasted',
    'briefed', 'called', 'cited', 'claim', 'claimed', 'claiming', 'claims', 'commented', 'comments', 'conceded',
    'concluded', 'concludes', 'condemned', 'confirm', 'confirmed', 'confirming', 'confirms', 'contended',
    'contends', 'continued', 'criticised', 'criticized', 'declared', 'declares', 'declaring', 'demanded', 'denied',
    'denies', 'described', 'describes', 'disclosed', 'emphasised', 'emphasized', 'estimate', 'estimated',
    'estimates', 'expected', 'expects', 'explained', 'explaining', 'explains', 'expressed', 'feared', 'find',
    'found', 'hoped', 'indicated', 'indicates', 'informed', 'insisted', 'insisting', 'insists', 'maintained',
    'maintains', 'mentioned', 'noted', 'notes', 'noting', 'observed', 'ordered', 'pledged', 'pointed', 'posted',
    'praised', 'predicted', 'predicts', 'projected', 'promised', 'promises', 'quoted', 'read', 'reads', 'recalled',
    'recommended', 'recommends', 'reiterated', 'remarked', 'repeated', 'replied', 'report', 'reported', 'reporting',
    'reports', 'responded', 'revealed', 'reveals', 'said', 'say', 'saying', 'says', 'show', 'showed', 'shows',
    'specified', 'specifying', 'stated', 'states', 'stating', 'stressed', 'stresses', 'suggest', 'suggested',
    'suggests', 'telling', 'tells', 'thinks', 'threatened', 'told', 'tweeted', 'tweeting', 'tweets', 'underlined',
    'urged', 'urges', 'vowed', 'vows', 'warn', 'warned', 'warning', 'warns', 'welcomed', 'writes', 'writing',
    'wrote',
}

# The usual verbs of an inverted attribution: "..., said the minister".
CORE_SPEECH_VERBS = {
    'added', 'adds', 'argued', 'asked', 'claimed', 'concluded', 'confirmed', 'continued', 'declared', 'explained',
    'insisted', 'noted', 'remarked', 'replied', 'said', 'says', 'specified', 'stated', 'stressed', 'tells', 'told',
    'warned', 'writes', 'wrote',
}

# Verbs that make a following "a statement" an attribution: "X issued a statement".
STATEMENT_VERBS = {
    'issued', 'posted', 'published', 'put', 'released',
}

# Pronouns that can stand for a speaker, with the gender they tell.
PRONOUNS = {
    'he': 'm', 'her': 'f', 'him': 'm', 'it': None, 'she': 'f', 'they': None,
}

# Words that end the noun phrase after a number: prepositions, verbs, adverbs, time words.
NP_STOP = {
    'a', 'aboard', 'about', 'abroad', 'according', 'across', 'after', 'again', 'against', 'ago', 'ahead', 'all',
    'alone', 'already', 'also', 'although', 'altogether', 'among', 'an', 'and', 'annually', 'apiece', 'are',
    'around', 'as', 'at', 'away', 'back', 'be', 'because', 'been', 'before', 'being', 'belonging', 'between',
    'both', 'but', 'by', 'can', 'could', 'daily', 'did', 'do', 'does', 'down', 'during', 'each', 'earlier', 'early',
    'either', 'even', 'every', 'far', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'here', 'his', 'how', 'if',
    'immediately', 'in', 'including', 'instantly', 'instead', 'into', 'is', 'it', 'its', 'just', 'last', 'late',
    'later', 'less', 'living', 'locally', 'may', 'might', 'monthly', 'more', 'must', 'nationwide', 'near',
    'neither', 'next', 'nor', 'not', 'now', 'of', 'off', 'on', 'only', 'onto', 'or', 'our', 'out', 'over',
    'overall', 'overnight', 'per', 'plus', 'recently', 'respectively', 'said', 'says', 'she', 'should',
    'simultaneously', 'since', 'so', 'still', 'such', 'than', 'that', 'the', 'their', 'then', 'there', 'these',
    'they', 'this', 'those', 'through', 'throughout', 'to', 'today', 'together', 'tomorrow', 'tonight', 'too',
    'toward', 'towards', 'under', 'until', 'up', 'very', 'via', 'was', 'we', 'weekly', 'were', 'what', 'when',
    'where', 'which', 'while', 'who', 'whom', 'whose', 'why', 'will', 'with', 'worldwide', 'would', 'yearly',
    'yesterday', 'yet',
}

# Adjectives between a number and its noun, dropped from the unit: "40 wounded soldiers".
UNIT_ADJECTIVES = {
    'additional', 'alleged', 'armed', 'big', 'civilian', 'confirmed', 'consecutive', 'dead', 'different', 'elderly',
    'entire', 'estimated', 'extra', 'first', 'foreign', 'full', 'further', 'huge', 'individual', 'injured',
    'innocent', 'international', 'junior', 'key', 'known', 'large', 'last', 'local', 'major', 'many', 'military',
    'minor', 'missing', 'more', 'national', 'new', 'old', 'other', 'possible', 'potential', 'reported', 'senior',
    'separate', 'several', 'similar', 'small', 'straight', 'such', 'suspected', 'top', 'total', 'unidentified',
    'unnamed', 'various', 'whole', 'wounded', 'young',
}

# Units of time: a number counting them is a duration or an age, not a claim.
TIME_UNITS = {
    'centuries', 'century', 'day', 'days', 'decade', 'decades', 'hour', 'hours', 'minute', 'minutes', 'month',
    'months', 'second', 'seconds', 'week', 'weeks', 'year', 'years',
}

# Lemmas of the verbs that attribute speech or writing, as the parser gives them ("said" → "say").
SPEECH_LEMMAS = {
    'acknowledge', 'add', 'admit', 'agree', 'allege', 'announce', 'answer', 'argue', 'ask', 'assert', 'boast',
    'caution', 'claim', 'comment', 'complain', 'concede', 'conclude', 'confirm', 'contend', 'continue', 'counter',
    'declare', 'deny', 'describe', 'emphasise', 'emphasize', 'estimate', 'exclaim', 'explain', 'insist', 'joke',
    'lament', 'maintain', 'mention', 'note', 'observe', 'post', 'predict', 'promise', 'quip', 'recall', 'remark',
    'repeat', 'reply', 'report', 'respond', 'say', 'scream', 'shout', 'state', 'stress', 'suggest', 'tell',
    'testify', 'tweet', 'urge', 'vow', 'warn', 'whisper', 'write', 'yell',
}

# Lower-case nouns for a kind of organisation that stand before its name: "the news agency Tanjug",
# "the carrier El Al", "the Dutch bank Rabobank".
ORGANIZATION_KINDS = {
    'agency', 'airline', 'bank', 'broadcaster', 'carmaker', 'carrier', 'chain', 'charity', 'club', 'company',
    'conglomerate', 'daily', 'firm', 'group', 'insurer', 'lender', 'manufacturer', 'maker', 'magazine', 'network',
    'newspaper', 'operator', 'party', 'publisher', 'retailer', 'startup', 'supermarket', 'tabloid', 'weekly',
}
