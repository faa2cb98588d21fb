import os

@decorator(
    arg=1,
)
class Klass(Base, metaclass=Meta):
    """Doc string with def inside.

    class NotReal:
    """

    @property
    def method(self, x: int = {'a': 1}) -> str:
        return '''
def fake():
    pass
'''

    # trailing comment

    attr = [
        1,
    ]


def func(a,
         b):  # comment
    if a:
        return b
    # comment at end

    # more


def oneliner(): return 1
def outer():
    def inner():
        pass
    class InnerClass:
        pass
    return inner


async def annotated(x: "str:int") -> None:
    x = \
        1
    return x
