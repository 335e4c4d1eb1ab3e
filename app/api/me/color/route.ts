import { route } from "@/app/_server/route";
import { ColorInput, setPersonColor } from "@/lib/users/color";

// PUT /api/me/color — { color: "#4f46e5" | null }: the colour the person is shown in
export const PUT = route(ColorInput, (ctx, input) => setPersonColor(ctx, input));
