# ruff: noqa: RUF001 -- real spellings (e.g. the Turkish dotless i) are the point of this data.
"""Name parts for fictional demo members, grouped by naming culture.

A demo name joins a first name and a family name drawn at random, sometimes from two cultures,
so the combinations read naturally without describing anyone real.
"""

from django.utils.text import slugify

# culture: (first names, family names)
NAME_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "dutch": (
        ("Sanne", "Joris", "Femke", "Daan", "Lotte", "Bram", "Noor", "Wouter", "Anouk", "Thijs",
         "Maartje", "Ruben", "Ilse", "Sjoerd", "Floor", "Jelle"),
        ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "van Dijk", "Mulder", "de Boer",
         "Vermeulen", "Hendriks", "van der Berg", "Kuipers", "Dekker", "Peeters", "Claes"),
    ),
    "german": (
        ("Lena", "Jonas", "Anja", "Felix", "Katrin", "Lukas", "Miriam", "Tobias", "Jürgen",
         "Sören", "Jörg", "Hanna", "Ulrike", "Moritz", "Greta", "Matthias"),
        ("Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Köhler",
         "Wagner", "Krüger", "Hofer", "Gruber", "Brunner", "Zimmermann", "Huber"),
    ),
    "french": (
        ("Camille", "Théo", "Élodie", "Lucas", "Chloé", "Mathieu", "Léa", "Hélène", "Julien",
         "Margaux", "François", "Amélie", "Noémie", "Baptiste", "Maëlle"),
        ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau",
         "Fontaine", "Mercier", "Chevalier", "Gauthier", "Bérard", "Lemaire"),
    ),
    "spanish": (
        ("Lucía", "Mateo", "Carmen", "Javier", "Sofía", "Diego", "Valentina", "Andrés", "Inés",
         "Joaquín", "Marisol", "Nerea", "Iñaki", "Pilar", "Álvaro"),
        ("García", "Rodríguez", "Martínez", "Fernández", "López", "Sánchez", "Ortega", "Castillo",
         "Navarro", "Jiménez", "Morales", "Etxeberria", "Puig", "Serrano"),
    ),
    "latin_american": (
        ("Guadalupe", "Ximena", "Santiago", "Camilo", "Renata", "Emiliano", "Valeria", "Tomás",
         "Yesenia", "Héctor", "Florencia", "Matías", "Catalina", "Ignacio"),
        ("Hernández", "Quispe", "Mamani", "Ramírez", "Flores", "Torres", "Vargas", "Gutiérrez",
         "Rojas", "Muñoz", "Cárdenas", "Aguilar", "Paredes", "Salazar"),
    ),
    "portuguese": (
        ("João", "Ana", "Mariana", "Tiago", "Beatriz", "Gonçalo", "Inês", "Rafael", "Luísa",
         "Thiago", "Camila", "Gabriel", "Larissa", "Caio", "Fernanda"),
        ("Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Carvalho",
         "Gonçalves", "Ribeiro", "Araújo", "Barbosa", "Monteiro", "Nascimento"),
    ),
    "italian": (
        ("Giulia", "Marco", "Chiara", "Lorenzo", "Francesca", "Matteo", "Alessia", "Davide",
         "Elena", "Niccolò", "Sara", "Federico", "Ilaria", "Tommaso"),
        ("Rossi", "Russo", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
         "Conti", "De Luca", "Esposito", "Fontana", "Moretti"),
    ),
    "english": (
        ("Emma", "Oliver", "Grace", "Harry", "Ruth", "Samuel", "Abigail", "Owen", "Megan",
         "Callum", "Hannah", "Rhys", "Siobhan", "Fergus", "Isla", "Declan"),
        ("Smith", "Taylor", "Walker", "Hughes", "Wright", "Evans", "Clarke", "Turner", "Campbell",
         "Murphy", "O'Brien", "MacLeod", "Fletcher", "Doyle", "Pritchard"),
    ),
    "american": (
        ("Madison", "Tyler", "Jordan", "Aaliyah", "Marcus", "Brianna", "Dakota", "Ethan",
         "Jasmine", "Caleb", "Rosa", "Maya", "Terrence", "Skye", "Devon", "Naomi"),
        ("Johnson", "Williams", "Brown", "Miller", "Davis", "Rivera", "Nguyen", "Patel", "Kim",
         "Cohen", "Jackson", "Whitfield", "Okonkwo", "Delgado", "Bergstrom"),
    ),
    "nordic": (
        ("Astrid", "Erik", "Ingrid", "Lars", "Freja", "Magnus", "Sigrid", "Anders", "Maja",
         "Oskar", "Liv", "Søren", "Aino", "Eero", "Guðrún", "Björn"),
        ("Andersson", "Johansson", "Nielsen", "Hansen", "Lindqvist", "Berg", "Virtanen",
         "Korhonen", "Håkansson", "Sørensen", "Jónsdóttir", "Haugen", "Mäkinen", "Lund"),
    ),
    "central_european": (
        ("Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Zuzana", "Jakub", "Petra", "Ondřej",
         "Milena", "Luka", "Zsófia", "Bence", "Réka", "Ádám", "Ioana", "Andrei", "Mihai",
         "Kristiina", "Marta", "Michał"),
        ("Nowak", "Novák", "Horvat", "Kovač", "Dvořák", "Petrović", "Babić", "Nagy", "Szabó",
         "Tóth", "Popescu", "Ionescu", "Dumitru", "Tamm", "Kask", "Wiśniewska", "Zielińska"),
    ),
    "greek_turkish": (
        ("Eleni", "Giorgos", "Dimitra", "Nikos", "Katerina", "Elif", "Emre", "Zeynep", "Mehmet",
         "Ayşe", "Can", "Deniz", "Burak", "Selin"),
        ("Papadopoulos", "Georgiou", "Nikolaidis", "Vlachou", "Yılmaz", "Kaya", "Demir", "Şahin",
         "Çelik", "Aydın", "Öztürk", "Arslan"),
    ),
    "middle_eastern": (
        ("Noa", "Yonatan", "Tamar", "Eitan", "Amit", "Shira", "Layla", "Omar", "Yasmin", "Karim",
         "Nour", "Samir", "Rania", "Darius", "Shirin"),
        ("Levi", "Mizrahi", "Friedman", "Peretz", "Haddad", "Khalil", "Mansour", "Saleh",
         "Nasser", "Rahimi", "Tehrani", "Azoulay"),
    ),
    "east_african": (
        ("Wanjiru", "Otieno", "Amani", "Akinyi", "Baraka", "Zawadi", "Njeri", "Juma", "Imani",
         "Kamau", "Neema", "Mosi"),
        ("Mwangi", "Odhiambo", "Kimani", "Mutua", "Chebet", "Njoroge", "Massawe", "Kiprono",
         "Achieng", "Mushi"),
    ),
    "west_african": (
        ("Adaeze", "Chinedu", "Kwame", "Ama", "Yaw", "Folake", "Tunde", "Ngozi", "Kofi", "Efua",
         "Obinna", "Ayodele", "Ada", "Kemi"),
        ("Okafor", "Adeyemi", "Mensah", "Boateng", "Eze", "Owusu", "Adebayo", "Nwosu", "Asante",
         "Oyelaran", "Darko", "Okeke"),
    ),
    "southern_african": (
        ("Thandiwe", "Sipho", "Lerato", "Thabo", "Nomvula", "Lwazi", "Zanele", "Pieter",
         "Annelie", "Kagiso", "Palesa"),
        ("Dlamini", "Nkosi", "Mokoena", "Khumalo", "Ndlovu", "van Wyk", "Botha", "Naidoo",
         "Molefe", "Pillay"),
    ),
    "south_asian": (
        ("Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram", "Meera", "Aditya", "Lakshmi",
         "Rahul", "Nila", "Farhan", "Ishita", "Sanjay"),
        ("Sharma", "Iyer", "Nair", "Reddy", "Gupta", "Menon", "Banerjee", "Rao", "Krishnan",
         "Desai", "Chatterjee", "Kulkarni", "Siddiqui"),
    ),
    "east_asian": (
        ("Yui", "Haruto", "Aoi", "Sōta", "Sakura", "Ren", "Mei", "Kenji", "Yūko", "Takumi",
         "Ji-woo", "Min-jun", "Seo-yeon", "Ha-eun", "Do-yun", "Su-bin"),
        ("Satō", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Itō", "Nakamura", "Kobayashi",
         "Yamamoto", "Mori", "Kim", "Park", "Choi", "Jung", "Kang", "Yoon"),
    ),
    "southeast_asian": (
        ("Linh", "Minh", "Thảo", "Huy", "Ngọc", "Joy", "Paolo", "Angelica", "Miguel", "Putri",
         "Budi", "Sari", "Dewi", "Rizky", "Ploy", "Anan", "Malee", "Kittipong"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Reyes", "Cruz", "Bautista", "Villanueva",
         "Santoso", "Wijaya", "Hidayat", "Pratama", "Kusuma", "Srisuk", "Wongsawat", "Boonmee"),
    ),
    "oceanian": (
        ("Aroha", "Tama", "Mere", "Wiremu", "Anahera", "Rawiri", "Chloe", "Lachlan", "Matilda",
         "Jarrah", "Kirra", "Hamish"),
        ("Ngata", "Parata", "Te Rangi", "Horomona", "Sullivan", "McKenzie", "Thompson",
         "Fitzgerald", "Ashworth", "Kelly"),
    ),
}  # fmt: skip

# Letters that Unicode normalisation does not reduce to ASCII, so slugify() would drop them.
_TRANSLITERATION = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "ł": "l", "Ł": "L", "đ": "d",
     "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "œ": "oe", "'": ""}
)  # fmt: skip


def demo_slug(display_name: str, index: int) -> str:
    """A readable, unique slug such as "ada-okafor-123": the index makes it unique."""
    base = slugify(display_name.translate(_TRANSLITERATION))[:60].strip("-") or "member"
    return f"{base}-{index}"
