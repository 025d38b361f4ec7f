from core.hooks import Registry


def test_hooks_run_by_order_not_by_registration():
    calls = []
    registry = Registry("test")
    registry.register(lambda **kw: calls.append(("late", kw)), order=20, reason="second")
    registry.register(lambda **kw: calls.append(("early", kw)), order=10, reason="first")
    registry.run(x=1)
    assert calls == [("early", {"x": 1}), ("late", {"x": 1})]


def test_registering_the_same_function_twice_keeps_one():
    calls = []

    def hook():
        calls.append("hook")

    registry = Registry("test")
    registry.register(hook, order=10, reason="once")
    registry.register(hook, order=10, reason="again, as a second ready() would")
    registry.run()
    assert calls == ["hook"]
    assert [h.fn for h in registry.registered()] == [hook]


def test_register_temporarily_removes_the_hook_afterwards():
    calls = []

    def hook():
        calls.append("hook")

    registry = Registry("test")
    with registry.register_temporarily(hook, order=5):
        registry.run()
    registry.run()
    assert calls == ["hook"]
    assert registry.registered() == []


def test_replace_temporarily_keeps_the_place_and_restores():
    calls = []

    def first():
        calls.append("first")

    def second():
        calls.append("second")

    def stand_in():
        calls.append("stand-in")

    registry = Registry("test")
    registry.register(first, order=10, reason="first")
    registry.register(second, order=20, reason="second")
    with registry.replace_temporarily(first, stand_in):
        registry.run()
    registry.run()
    assert calls == ["stand-in", "second", "first", "second"]
