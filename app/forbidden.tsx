import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="not-found">
      <h1>Not allowed</h1>
      <p>Your account&apos;s role does not allow this page. Ask an admin if you need it.</p>
      <p>
        <Link href="/desk">Back to the desk</Link>
      </p>
    </div>
  );
}
