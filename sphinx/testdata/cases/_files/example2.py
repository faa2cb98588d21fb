# Literally included file using Python highlighting

foo = "Including Unicode characters: üöä"


class Foo:
    pass
