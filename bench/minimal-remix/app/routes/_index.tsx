import { useLoaderData } from "@remix-run/react";

export async function loader() {
  return {
    items: Array.from({ length: 20 }, (_, i) => ({ id: i, label: `检查项目 ${i + 1}` })),
  };
}

export default function Index() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>最小应用</h1>
      <ul>
        {items.map((i) => (
          <li key={i.id}>{i.label}</li>
        ))}
      </ul>
    </main>
  );
}
