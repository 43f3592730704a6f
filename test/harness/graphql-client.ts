export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  setCookie: string | null;
}

/** POSTs one GraphQL operation to a test server, as an API client with an optional bearer token would. */
export async function graphql<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'setCookie'>;
  return { ...body, status: response.status, setCookie: response.headers.get('set-cookie') };
}

export async function signIn(url: string, email: string, password: string): Promise<string> {
  const result = await graphql<{ signIn: { token: string } }>(url, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }', { e: email, p: password });
  if (!result.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
  return result.data.signIn.token;
}

export const errorCode = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;
