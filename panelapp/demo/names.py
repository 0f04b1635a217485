"""The demo agency's made-up words: names, ethnicities, and the phrases panels write.

Names mix the communities an English region serves, and include letters
beyond ASCII (Zoë, Siân, Łukasz) so that every PDF and export meets them.
"""

ADULT_FIRST = (
    "Aisha", "Alex", "Amara", "Ben", "Bogdan", "Chloe", "Dafydd", "Dev", "Erin", "Farah",
    "Ffion", "Gus", "Hana", "Ian", "Jade", "José", "Kofi", "Lena", "Łukasz", "Mei",
    "Mo", "Ngozi", "Nia", "Olu", "Owen", "Pia", "Priya", "Raj", "Renée", "Rhys",
    "Sam", "Siân", "Tomasz", "Theo", "Yusuf", "Zoë", "Aoife", "Chiara", "Kwame", "Ayşe",
)

CHILD_FIRST = (
    "Alfie", "Amelia", "Archie", "Ava", "Bea", "Callum", "Daisy", "Eli", "Esmé", "Freddie",
    "Grace", "Harley", "Isla", "Jayden", "Kacper", "Layla", "Leo", "Lily", "Maya", "Noah",
    "Olivia", "Oscar", "Poppy", "Reggie", "Rosie", "Ruby", "Sofia", "Teddy", "Tyler", "Zoë",
    "Zain", "Chloé", "Aarav", "Amir", "Nadia", "Kai", "Ellie", "Jack", "Mia", "Ifeoma",
)

SURNAMES = (
    "Ahmed", "Brown", "Clarke", "Dąbrowski", "Evans", "Fitzgerald", "Gonçalves", "Hughes",
    "Jones", "Khan", "Kowalczyk", "Lee", "Mensah", "Morgan", "Murphy", "Nguyen", "Nowak",
    "O'Brien", "Okafor", "Patel", "Price", "Rahman", "Singh", "Smith", "Taylor", "Thomas",
    "Walker", "Williams", "Wilson", "Yılmaz", "Adeyemi", "Campbell",
)

# The agency's own codes, as in the fixture; the second value marks the children
# counted as from Black and minority ethnic groups.
CHILD_ETHNICITIES = (
    ("White British", False, 62), ("White Other", False, 8), ("Mixed", True, 14),
    ("Black British", True, 7), ("Asian British", True, 7), ("Gypsy/Roma", True, 2),
)
ADULT_ETHNICITIES = (
    ("White British", 70), ("White Other", 8), ("Mixed", 7), ("Black British", 6),
    ("Asian British", 8), ("White Irish", 1),
)

CHILD_NEEDS = ("complex_health", "disability", "global_delay", "foetal_alcohol", "attachment")

VENUES = ("Riverside House, Room 1", "Riverside House, Room 2", "Civic Centre, Committee Room 3",
          "Harbour Court, Training Room")
DECISION_MAKERS = ("Helen Ashworth, Head of Service", "Marcus Obi, Assistant Director",
                   "Gwen Pritchard, Head of Adoption")
LOCATIONS_ELSEWHERE = ("Wales", "Scotland", "Northern Ireland")

APPROVAL_REASONS = (
    "The Prospective Adopter's Report is thorough and analytical.",
    "The applicants show insight into the impact of trauma and loss on children.",
    "A strong and well-evidenced support network.",
    "The applicants have used their preparation training well.",
    "Their own experience of loss has been explored with care.",
    "Good understanding of the importance of birth family and identity.",
    "Relevant experience of caring for young children.",
    "The references are positive and the health assessments raise no concerns.",
)
NOT_SUITABLE_REASONS = (
    "The brief Prospective Adopter's Report sets out concerns about the applicants' capacity to meet "
    "the needs of a child who has experienced trauma.",
    "The assessment could not establish a stable support network.",
    "The applicants have not yet resolved their own recent loss.",
    "Concerns from the health assessment were not resolved.",
)
DEFERRAL_REASONS = (
    "The medical adviser's report is awaited.",
    "A referee's report is outstanding.",
    "The panel needs more on the support plan for the first year.",
    "The panel asked for the updated financial assessment.",
    "The panel needs more on the children's contact plan.",
)
MATCH_REASONS = (
    "The adopters can meet the child's needs now and as they grow.",
    "The adopters have shown real commitment to the child's identity and heritage.",
    "The introductions plan is child-centred and realistic.",
    "The adoption support plan is well thought through.",
    "The adopters understand the child's health needs and have met the medical adviser.",
)
MATCH_ADVICE = (
    "Letterbox contact with the birth mother once a year",
    "Letterbox contact with both birth parents twice a year",
    "Direct contact with an older sibling three times a year",
    "Letterbox contact with the maternal grandmother once a year",
)
DISSENT_VIEWS = (
    "Wanted more on the support network before recommending.",
    "Not persuaded the adopters have thought through contact with the siblings.",
    "Would have deferred for the updated medical report.",
    "Concerned about the age range given the applicants' experience.",
)
INTERESTS = (
    ("knows one of the applicants through work", "left_for_item"),
    ("was the child's guardian in earlier proceedings", "took_no_part"),
    ("attends the same gym as one of the applicants; no contact beyond that", "remained"),
    ("knows the child's foster carer", "left_for_item"),
)
WITHDRAWAL_REASONS = {
    ("applicant", "before_stage1"): ("decided adoption is not right for them now", "moving out of the area"),
    ("applicant", "stage1"): ("change in circumstances", "decided to pursue fertility treatment",
                              "health of an applicant"),
    ("applicant", "stage2"): ("change in circumstances", "pregnancy", "decided to foster instead"),
    ("agency", "stage1"): ("assessment ended: references raised concerns",),
    ("agency", "stage2"): ("assessment ended: concerns about capacity to parent",
                           "assessment ended: insufficient support network"),
    ("applicant", "approved"): ("change in circumstances", "pregnancy", "decided to pause their approval"),
    ("agency", "approved"): ("approval terminated after review",),
}
