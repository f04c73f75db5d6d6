"""A deterministic corpus of generated news articles for benchmarks (JSON Lines records the loader reads).

Articles of 400-700 words on a few beats (conflict, disasters, the economy, health, politics), in time order
over several years, from several sources. A recurring cast of people, organisations and places is quoted
('"...," X said.') and gives figures ("more than 40 soldiers were killed"), so that entities, measures and
comparisons build up as in real news; a share of articles are wire copies of a recent story (small edits,
another headline and source). The same seed gives the same corpus, byte for byte.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

FIRST_NAMES = ["Anna", "Oleksandr", "Maria", "James", "Fatima", "Pierre", "Ingrid", "Kenji", "Amara", "Lucas",
               "Sofia", "Ahmed", "Elena", "Tomasz", "Grace", "Mehmet", "Laura", "Dmitri", "Aisha", "Carlos",
               "Hannah", "Ravi", "Nadia", "Peter", "Chloe", "Samuel", "Yuki", "Omar", "Clara", "Viktor"]
LAST_NAMES = ["Kovalenko", "Fischer", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Santos", "Novak",
              "Brennan", "Petrova", "Mensah", "Rossi", "Yilmaz", "Andersen", "Kowalski", "Delgado", "Ibrahim",
              "Hartmann", "Sato", "Nkemelu", "Varga", "Costa", "Oyelaran", "Marchetti", "Halvorsen", "Dubois",
              "Kariuki", "Lindgren", "Abramov"]
ROLES = ["Minister", "spokesman", "spokeswoman", "Mayor", "Governor", "General", "Senator", "Professor",
         "chief executive", "Doctor"]
ORGANIZATIONS = ["the Defence Ministry", "the Health Ministry", "the Red Cross", "the United Nations",
                 "the World Bank", "the Interior Ministry", "the Coast Guard", "the Central Bank",
                 "the Statistics Office", "the Fire Service", "Amnesty International", "the Energy Agency"]
PLACES = {
    "conflict": ["Ukraine", "Russia", "Sudan", "Syria", "Yemen", "Israel", "Armenia", "Azerbaijan", "Ethiopia"],
    "disaster": ["Japan", "Indonesia", "Turkey", "Italy", "Chile", "Pakistan", "Philippines", "Mexico", "Greece"],
    "economy": ["Germany", "France", "Brazil", "India", "Canada", "Kenya", "Poland", "Spain", "Australia"],
    "health": ["Nigeria", "India", "Brazil", "Peru", "Egypt", "Vietnam", "Ghana", "Bangladesh", "Colombia"],
    "politics": ["France", "Georgia", "Serbia", "Thailand", "Argentina", "Hungary", "Senegal", "Iran", "Kenya"],
}
ADJECTIVES = {"Ukraine": "Ukrainian", "Russia": "Russian", "Sudan": "Sudanese", "Syria": "Syrian",
              "Yemen": "Yemeni", "Israel": "Israeli", "Armenia": "Armenian", "Azerbaijan": "Azerbaijani",
              "Ethiopia": "Ethiopian"}
SOURCES = ["Harbour Gazette", "Northern Times", "Daily Ledger", "Wire Service International", "Evening Post",
           "Continental Herald", "Morning Courier", "Global Dispatch"]
FIGURES = {
    "conflict": [("{q}{n} {adj} soldiers were killed", 5, 400), ("{q}{n} civilians were wounded", 3, 250),
                 ("{q}{n} {adj} tanks were destroyed", 2, 60), ("{q}{n} drones were shot down", 3, 90)],
    "disaster": [("{q}{n} people were evacuated", 100, 20000), ("{q}{n} homes were damaged", 20, 5000),
                 ("{q}{n} people were killed", 1, 300), ("{q}{n} people were missing", 1, 120)],
    "economy": [("{q}{n} jobs were cut", 50, 9000), ("{q}{n} factories were closed", 2, 40),
                ("{q}{n} workers were hired", 100, 5000)],
    "health": [("{q}{n} patients were admitted", 10, 3000), ("{q}{n} people were infected", 20, 8000),
               ("{q}{n} clinics were opened", 2, 80)],
    "politics": [("{q}{n} protesters were arrested", 5, 900), ("{q}{n} people were detained", 3, 400),
                 ("{q}{n} prisoners were released", 2, 300)],
}
QUALIFIERS = ["", "", "more than ", "at least ", "about ", "no more than ", "nearly "]
HEADLINES = {
    "conflict": ["Fighting flares near {place} border", "{place} reports heavy losses", "Shelling hits towns in {place}",
                 "Ceasefire talks stall as clashes spread in {place}", "Drone attacks reported across {place}"],
    "disaster": ["Floods force thousands from homes in {place}", "Earthquake shakes {place}",
                 "Wildfires spread in {place}", "Storm batters coast of {place}", "Landslide buries villages in {place}"],
    "economy": ["{place} factory output falls", "Inflation eases in {place}", "Carmaker cuts jobs in {place}",
                "{place} central bank holds rates", "Exports from {place} rebound"],
    "health": ["Hospitals in {place} under strain", "Vaccination drive expands in {place}",
               "Outbreak spreads in {place}", "{place} opens new clinics", "Heatwave sends hundreds to hospital in {place}"],
    "politics": ["Protests grow in {place}", "Opposition leader detained in {place}", "{place} votes in tight election",
                 "Parliament of {place} passes contested law", "Crackdown on dissent in {place}"],
}
QUOTES = [
    "We will not abandon the people who depend on us", "The situation remains extremely difficult",
    "Every hour counts and we are working through the night", "Nobody expected the damage to be this severe",
    "We have asked our partners for urgent help", "These figures are not final and may rise",
    "The government has a plan and we will follow it", "Families deserve answers and they deserve them now",
    "We are doing everything we can with the resources we have", "This is a turning point for the region",
    "The next few days will decide a great deal", "I have never seen anything like it in thirty years",
    "Our teams are on the ground and more are on the way", "We reject these accusations entirely",
    "Prices have to come down before people feel any relief", "Schools will reopen as soon as it is safe",
]
TIMES = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
         "overnight", "late on Sunday", "early on Friday", "this week", "in the morning"]
# Background: clauses joined at random, so that articles on one beat share facts, not whole sentences.
OPENERS = ["Residents said", "Officials in the capital said", "Aid workers reported", "Local media said",
           "Witnesses told reporters", "Analysts noted", "A regional official said", "Volunteers said",
           "Diplomats said", "Engineers warned", "Economists said", "Teachers said", "Farmers complained"]
CLAUSES = [
    "the main road to the {noun} had been closed for {k} days", "supplies of {stuff} were running low",
    "the {noun} near the river was badly damaged", "queues formed outside the {noun} before dawn",
    "the authorities had promised to rebuild the {noun} by {season}", "prices of {stuff} had doubled since {season}",
    "the {noun} would stay shut until further notice", "power cuts lasted up to {k} hours a day",
    "the {noun} had been turned into a shelter for families", "talks with neighbours had made little progress",
    "trucks carrying {stuff} were stuck at the border", "repairs to the {noun} could take until {season}",
    "the number of volunteers had grown every week", "insurers were still assessing the cost",
    "the {noun} was reopened under police guard", "many families had moved in with relatives",
    "the {noun} had received no {stuff} for {k} days", "schools in the area would teach online",
]
NOUNS = ["hospital", "bridge", "railway station", "market", "school", "power plant", "port", "airport",
         "water plant", "stadium", "town hall", "factory", "warehouse", "clinic", "highway", "dam"]
STUFF = ["fuel", "bread", "medicine", "drinking water", "flour", "cooking gas", "baby food", "diesel",
         "blankets", "spare parts", "fertiliser", "vaccines"]
SEASONS = ["the spring", "the summer", "the autumn", "the winter", "next year", "the end of the month",
           "the elections", "the new year"]


class CorpusGenerator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.cast = self._cast()
        self.recent: list[dict] = []

    def _cast(self) -> list[tuple[str, str, str]]:
        """People who recur across articles: (name, role, beat)."""
        people, seen = [], set()
        while len(people) < 160:
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
            if name not in seen:
                seen.add(name)
                people.append((name, self.rng.choice(ROLES), self.rng.choice(list(PLACES))))
        return people

    def articles(self, count: int, start: datetime) -> Iterator[dict]:
        moment = start
        step = timedelta(days=6 * 365) / max(count, 1)  # the corpus spans about six years
        for number in range(count):
            moment += timedelta(seconds=self.rng.uniform(0.2, 1.8) * step.total_seconds())
            if self.recent and self.rng.random() < 0.06:
                record = self._copy(self.rng.choice(self.recent[-50:]), number)
            else:
                record = self._article(number, moment)
                self.recent.append(record)
            yield record

    def _article(self, number: int, moment: datetime) -> dict:
        rng = self.rng
        beat = rng.choice(list(PLACES))
        place = rng.choice(PLACES[beat])
        people = [p for p in self.cast if p[2] == beat] or self.cast
        speakers = rng.sample(people, k=min(3, len(people)))
        organization = rng.choice(ORGANIZATIONS)
        target = rng.randint(400, 700)
        paragraphs = [self._figure_sentence(beat, place, speakers[0], organization, lead=True)]
        words = len(paragraphs[0].split())
        while words < target:
            roll = rng.random()
            if roll < 0.22:
                paragraph = self._quote(speakers)
            elif roll < 0.40:
                paragraph = self._figure_sentence(beat, place, rng.choice(speakers), organization)
            else:
                paragraph = " ".join(self._background() for _ in range(rng.randint(2, 4)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        source = rng.choice(SOURCES)
        title = rng.choice(HEADLINES[beat]).format(place=place)
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        return {
            "title": title,
            "body": "\n\n".join(paragraphs),
            "published_at": moment.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "source": source,
            "url": f"https://{re.sub(r'[^a-z0-9]+', '-', source.lower())}.example/{moment:%Y/%m}/{slug}-{number}",
        }

    def _figure_sentence(self, beat, place, speaker, organization, lead=False) -> str:
        rng = self.rng
        pattern, low, high = rng.choice(FIGURES[beat])
        figure = pattern.format(q=rng.choice(QUALIFIERS), n=f"{rng.randint(low, high):,}",
                                adj=ADJECTIVES.get(place, "government"))
        where = f"in {place}" if "{adj}" not in pattern or place not in ADJECTIVES else f"near the border of {place}"
        name, role, _ = speaker
        if rng.random() < 0.5:
            sentence = f"{role[0].upper() + role[1:]} {name} said {figure} {where} {rng.choice(TIMES)}."
        else:
            sentence = f"{organization[0].upper() + organization[1:]} said {figure} {where} {rng.choice(TIMES)}."
        if lead:
            sentence += f" {self._background()}"
        return sentence

    def _quote(self, speakers) -> str:
        rng = self.rng
        name, role, _ = rng.choice(speakers)
        surname = name.split()[-1]
        quote = rng.choice(QUOTES)
        follow = self._background()
        if rng.random() < 0.5:
            return f'"{quote}," {name} said. {follow}'
        return f'"{quote}," said {surname}, who added that {follow[0].lower()}{follow[1:]}'

    def _background(self) -> str:
        rng = self.rng
        clause = rng.choice(CLAUSES).format(noun=rng.choice(NOUNS), stuff=rng.choice(STUFF),
                                            season=rng.choice(SEASONS), k=rng.randint(2, 40))
        return f"{rng.choice(OPENERS)} {clause}."

    def _copy(self, original: dict, number: int) -> dict:
        """A wire copy of a story: another headline and source, a few hours later, a couple of words changed."""
        rng = self.rng
        body = original["body"]
        for old, new in [(" said ", " told reporters "), (" badly ", " heavily "), (" urgent ", " immediate ")]:
            if rng.random() < 0.5:
                body = body.replace(old, new, 1)
        published = datetime.fromisoformat(original["published_at"].replace("Z", "+00:00"))
        published += timedelta(hours=rng.randint(1, 12))
        source = rng.choice([s for s in SOURCES if s != original["source"]])
        return {
            "title": f"{original['title']}: {rng.choice(['latest', 'what we know', 'update', 'officials say'])}",
            "body": body,
            "published_at": published.isoformat().replace("+00:00", "Z"),
            "source": source,
            "url": f"https://{re.sub(r'[^a-z0-9]+', '-', source.lower())}.example/copy/{number}",
        }


def corpus_write(*, articles: int, seed: int, output: Path, per_file: int = 5000) -> list[Path]:
    """Write the corpus as JSON Lines files of at most `per_file` articles in `output` (a folder)."""
    output.mkdir(parents=True, exist_ok=True)
    generator = CorpusGenerator(seed)
    files: list[Path] = []
    stream = None
    try:
        for number, record in enumerate(generator.articles(articles, datetime(2019, 1, 1, tzinfo=UTC))):
            if number % per_file == 0:
                if stream is not None:
                    stream.close()
                files.append(output / f"corpus-{seed}-{len(files) + 1:04d}.jsonl")
                stream = files[-1].open("w", encoding="utf-8")
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if stream is not None:
            stream.close()
    return files
