/* Linked into the "leaky" fixture library: an internal function given
 * default visibility by mistake. The symbol checker must refuse it. */
__attribute__((visibility("default"))) int fixture_leaked_helper(void);

__attribute__((visibility("default"))) int
fixture_leaked_helper(void)
{
	return 42;
}
